// house/one-letter-names: refuses a declaration, parameter or destructured name
// of one letter, with the exceptions a reader does not stumble on — the loop
// counters i, j and k (in a for head, or as parameters), `_`, and the
// parameters of an arrow function or function expression of at most three
// lines (`rows.map((r) => r.index)`).
//
// It counts exactly what the house figure counts
// (../shared/tools/structure-figures.cjs: ts.VariableDeclaration, Parameter
// and BindingElement; test/lint/one-letter-names.test.ts holds the two to the
// same total over src/). ESLint's own `id-length` cannot say this: it has no
// notion of a for head or of a lambda's length (its `exceptions` would let
// `i` through everywhere), and it also checks property names, which are
// often the wire's or Excel's own.

/** Function-like nodes whose `params` are parameters (TypeScript's ts.isParameter). */
const FUNCTION_LIKE = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'TSDeclareFunction',
  'TSEmptyBodyFunctionExpression',
  'TSFunctionType',
  'TSConstructorType',
  'TSMethodSignature',
  'TSCallSignatureDeclaration',
  'TSConstructSignatureDeclaration',
]);

const COUNTERS = /^[ijk]$/;

/** What the identifier names: 'declaration', 'parameter', 'binding' (inside a pattern), or null (a use, a property, a type…). */
function kindOf(node) {
  const parent = node.parent;
  if (!parent) return null;
  if (parent.type === 'VariableDeclarator' && parent.id === node) return 'declaration';
  if (parent.type === 'CatchClause' && parent.param === node) return 'declaration';
  if (FUNCTION_LIKE.has(parent.type) && parent.params.includes(node)) return 'parameter';
  if (parent.type === 'TSParameterProperty' && parent.parameter === node) return 'parameter';
  if (parent.type === 'AssignmentPattern' && parent.left === node) return positionOfPattern(parent);
  if (parent.type === 'RestElement' && parent.argument === node) return positionOfPattern(parent);
  if (parent.type === 'ArrayPattern') return 'binding';
  if (parent.type === 'Property' && parent.value === node && parent.parent?.type === 'ObjectPattern') return 'binding';
  return null;
}

/** A default or rest directly in a function's parameters is a parameter; anywhere else it is inside a pattern. */
function positionOfPattern(pattern) {
  const holder = pattern.parent;
  if (holder && FUNCTION_LIKE.has(holder.type) && holder.params.includes(pattern)) return 'parameter';
  if (holder?.type === 'TSParameterProperty') return 'parameter';
  if (holder?.type === 'VariableDeclarator' && holder.id === pattern) return 'declaration';
  return 'binding';
}

/** Inside the head of a for / for-of / for-in loop (its declarations, not its body). */
function inForHead(node) {
  for (let ancestor = node.parent, child = node; ancestor; child = ancestor, ancestor = ancestor.parent) {
    if (ancestor.type === 'ForStatement') return child === ancestor.init;
    if (ancestor.type === 'ForOfStatement' || ancestor.type === 'ForInStatement') return child === ancestor.left;
    if (ancestor.type === 'BlockStatement') return false;
  }
  return false;
}

/** A parameter of an arrow function or function expression of at most three lines (a method's, an accessor's or a declared function's never is). */
function ofShortLambda(node) {
  for (let ancestor = node.parent; ancestor; ancestor = ancestor.parent) {
    const isMethod =
      ancestor.type === 'FunctionExpression' &&
      (ancestor.parent?.type === 'MethodDefinition' ||
        (ancestor.parent?.type === 'Property' && (ancestor.parent.method || ancestor.parent.kind !== 'init')));
    if (ancestor.type === 'FunctionDeclaration' || isMethod || ancestor.type === 'TSDeclareFunction') return false;
    if (ancestor.type === 'ArrowFunctionExpression' || ancestor.type === 'FunctionExpression') {
      return ancestor.loc.end.line - ancestor.loc.start.line + 1 <= 3;
    }
  }
  return false;
}

export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'Spell names out: no one-letter declarations or parameters outside loop counters and short lambdas.' },
    schema: [],
    messages: {
      oneLetter:
        "'{{name}}' is one letter: spell out what it holds (only loop counters i/j/k, `_` and the parameters of arrow functions of at most three lines may be one letter).",
    },
  },
  create(context) {
    return {
      Identifier(node) {
        if (node.name.length !== 1 || node.name === '_') return;
        const kind = kindOf(node);
        if (!kind) return;
        if (COUNTERS.test(node.name) && (kind === 'parameter' || inForHead(node))) return;
        if (kind === 'parameter' && ofShortLambda(node)) return;
        context.report({ node, messageId: 'oneLetter', data: { name: node.name } });
      },
    };
  },
};
