// What the XML schema cannot check about manifest.xml:
//   (a) every resid resolves to a resource of the right kind,
//   (b) every icon exists in assets/ at the size the manifest declares,
//   (c) every URL is https,
//   (d) every FunctionName is associated in src/commands/commands.ts,
//   (e) mn-MN labels and tooltips for every button,
//   (f) office-addin-manifest reads the same id, name and host,
// and, last, the schema itself (../shared/tools/validate-manifest, xmllint).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const COMMANDS = path.join(ROOT, 'src/commands/commands.ts');
const VALIDATOR = path.resolve(ROOT, '../shared/tools/validate-manifest');
const DEV_ORIGIN = 'https://localhost:3000/';
const ICON_SIZES = [16, 20, 32, 64, 80, 128];

// ------------------------------------------------------------ a tiny XML reader
// Enough XML for a manifest (elements, attributes, text, comments, the five
// predefined entities), so the test needs no parser beyond what package.json
// declares. Names keep their prefix as written ("bt:Image").

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  parent?: XmlNode;
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e in named) return named[e];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function parseXml(src: string): XmlNode {
  const body = src.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrText, selfClosing, text, stray] = m;
    if (stray) throw new Error(`manifest.xml: unparsable markup at offset ${m.index}`);
    if (text !== undefined) {
      current.text += decode(text);
      continue;
    }
    if (closing) {
      if (current.name !== name) throw new Error(`manifest.xml: </${name}> closes <${current.name}>`);
      current = current.parent!;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]] = decode(a[2] ?? a[3]);
    }
    const node: XmlNode = { name, attrs, children: [], text: '', parent: current };
    current.children.push(node);
    if (!selfClosing) current = node;
  }
  if (current !== root) throw new Error(`manifest.xml: <${current.name}> is not closed`);
  return root;
}

function* walk(node: XmlNode): Generator<XmlNode> {
  for (const child of node.children) {
    yield child;
    yield* walk(child);
  }
}

const all = (node: XmlNode, name: string) => [...walk(node)].filter((n) => n.name === name);
const child = (node: XmlNode, name: string) => node.children.find((n) => n.name === name);
const children = (node: XmlNode, name: string) => node.children.filter((n) => n.name === name);
const textOf = (node: XmlNode | undefined) => (node?.text ?? '').trim();
/** "Control#Unelgee.Compute > Icon > bt:Image": the path up to the nearest element with an id. */
const where = (node: XmlNode) => {
  const trail: string[] = [];
  for (let n: XmlNode | undefined = node; n && n.name !== '#document'; n = n.parent) {
    trail.unshift(n.attrs.id ? `${n.name}#${n.attrs.id}` : n.name);
    if (n.attrs.id) break;
  }
  return trail.join(' > ');
};

// ------------------------------------------------------------ the manifest

const doc = parseXml(fs.readFileSync(MANIFEST, 'utf8'));
const officeApp = doc.children[0];
const versionOverrides = child(officeApp, 'VersionOverrides');
const resourcesNode = versionOverrides && child(versionOverrides, 'Resources');

type Kind = 'Image' | 'Url' | 'ShortString' | 'LongString';
interface Resource {
  id: string;
  kind: Kind;
  node: XmlNode;
}

/** Resources by id, with the kind given by the list they sit in. */
function readResources(): Map<string, Resource> {
  const lists: [string, string, Kind][] = [
    ['bt:Images', 'bt:Image', 'Image'],
    ['bt:Urls', 'bt:Url', 'Url'],
    ['bt:ShortStrings', 'bt:String', 'ShortString'],
    ['bt:LongStrings', 'bt:String', 'LongString'],
  ];
  const out = new Map<string, Resource>();
  if (!resourcesNode) return out;
  for (const [listName, itemName, kind] of lists) {
    for (const list of children(resourcesNode, listName)) {
      for (const item of children(list, itemName)) {
        const id = item.attrs.id;
        if (out.has(id)) throw new Error(`resource id ${id} is declared twice`);
        out.set(id, { id, kind, node: item });
      }
    }
  }
  return out;
}
const resources = readResources();

/** The kind of resource an element with a resid must point to. */
function expectedKind(node: XmlNode): Kind | undefined {
  switch (node.name) {
    case 'bt:Image':
      return 'Image';
    case 'Label':
    case 'Title':
      return 'ShortString';
    case 'Description':
      return 'LongString';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
    case 'Url':
      return 'Url';
    default:
      return undefined;
  }
}

function resolve(node: XmlNode | undefined, kind: Kind): Resource {
  if (!node) throw new Error(`missing element for a ${kind} resource`);
  const res = resources.get(node.attrs.resid);
  if (!res) throw new Error(`${where(node)}: resid "${node.attrs.resid}" is not declared in Resources`);
  if (res.kind !== kind) throw new Error(`${where(node)}: resid "${res.id}" is a ${res.kind}, expected ${kind}`);
  return res;
}

const mnOverride = (res: Resource) =>
  children(res.node, 'bt:Override').find((o) => o.attrs.Locale === 'mn-MN')?.attrs.Value?.trim() ?? '';

/** assets/<file> for an https://localhost:3000/assets/<file> URL. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}assets/`)).toBe(true);
  return path.join(ROOT, 'assets', decodeURIComponent(url.slice(`${DEV_ORIGIN}assets/`.length)));
}

function pngSize(file: string): { width: number; height: number; cornerAlpha: number } {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height, cornerAlpha: png.data[3] };
}

const controls = all(officeApp, 'Control');
const buttons = controls.filter((c) => c.attrs['xsi:type'] === 'Button');
const groups = all(officeApp, 'Group');

// ------------------------------------------------------------ tests

describe('manifest.xml structure', () => {
  test('is a TaskPaneApp for Excel workbooks with read/write access', () => {
    expect(officeApp.name).toBe('OfficeApp');
    expect(officeApp.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(all(child(officeApp, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(textOf(child(officeApp, 'Permissions'))).toBe('ReadWriteDocument');
    expect(textOf(child(officeApp, 'DefaultLocale'))).toBe('en-US');
    expect(child(child(officeApp, 'DefaultSettings')!, 'SourceLocation')?.attrs.DefaultValue).toBe(
      `${DEV_ORIGIN}taskpane.html`,
    );
  });

  test('has a Home-tab group with Validate, Compute scores and Show pane', () => {
    const tab = all(officeApp, 'OfficeTab');
    expect(tab.map((t) => t.attrs.id)).toEqual(['TabHome']);
    expect(groups).toHaveLength(1);
    expect(buttons).toHaveLength(3);
    const actions = buttons.map((b) => {
      const action = child(b, 'Action')!;
      return action.attrs['xsi:type'] === 'ExecuteFunction'
        ? `ExecuteFunction:${textOf(child(action, 'FunctionName'))}`
        : `${action.attrs['xsi:type']}:${textOf(child(action, 'TaskpaneId'))}`;
    });
    expect(actions).toEqual(['ExecuteFunction:validate', 'ExecuteFunction:computeScores', 'ShowTaskpane:UnelgeePane']);
    const pane = buttons[2];
    expect(resolve(child(child(pane, 'Action')!, 'SourceLocation'), 'Url').node.attrs.DefaultValue).toBe(
      `${DEV_ORIGIN}taskpane.html`,
    );
    expect(resolve(all(officeApp, 'FunctionFile')[0], 'Url').node.attrs.DefaultValue).toBe(`${DEV_ORIGIN}commands.html`);
  });

  test('control and group ids are unique', () => {
    const ids = [...groups, ...controls].map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('(a) resources', () => {
  const withResid = [...walk(officeApp)].filter((n) => 'resid' in n.attrs);

  test('the manifest uses resids at all', () => {
    expect(withResid.length).toBeGreaterThan(20);
  });

  test.each(withResid.map((n) => [where(n), n.attrs.resid, n] as const))('%s → %s resolves, of the right kind', (_w, _r, node) => {
    const kind = expectedKind(node);
    if (!kind) throw new Error(`${where(node)}: unknown element with a resid; teach expectedKind() its kind`);
    const res = resolve(node, kind);
    expect(res.node.attrs.DefaultValue?.trim()).toBeTruthy();
  });

  test('every declared resource is used', () => {
    const used = new Set(withResid.map((n) => n.attrs.resid));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('(b) icons', () => {
  const declared: { what: string; url: string; size: number }[] = [];
  for (const image of all(officeApp, 'bt:Image').filter((n) => 'resid' in n.attrs)) {
    declared.push({ what: where(image), url: resolve(image, 'Image').node.attrs.DefaultValue, size: Number(image.attrs.size) });
  }
  declared.push({ what: 'IconUrl', url: child(officeApp, 'IconUrl')!.attrs.DefaultValue, size: 32 });
  declared.push({ what: 'HighResolutionIconUrl', url: child(officeApp, 'HighResolutionIconUrl')!.attrs.DefaultValue, size: 64 });

  test.each(declared.map((d) => [d.what, d.size, d] as const))('%s: %i px file exists at that size', (_w, _s, d) => {
    const file = assetFile(d.url);
    if (!fs.existsSync(file)) throw new Error(`${d.what}: ${path.relative(ROOT, file)} does not exist (node scripts/make-icons.js)`);
    const { width, height, cornerAlpha } = pngSize(file);
    expect({ width, height }).toEqual({ width: d.size, height: d.size });
    // Shaped icons: the corner is outside every mark, so it is transparent.
    expect(cornerAlpha).toBe(0);
  });

  test('the group and every button have icons at 16, 20, 32, 64, 80 and 128 px', () => {
    for (const owner of [...groups, ...buttons]) {
      const sizes = all(child(owner, 'Icon')!, 'bt:Image').map((i) => Number(i.attrs.size));
      expect({ owner: owner.attrs.id, sizes: [...sizes].sort((a, b) => a - b) }).toEqual({ owner: owner.attrs.id, sizes: ICON_SIZES });
    }
  });

  test('a bt:Image resource is only ever used at one size', () => {
    const sizeOf = new Map<string, number>();
    for (const image of all(officeApp, 'bt:Image').filter((n) => 'resid' in n.attrs)) {
      const size = Number(image.attrs.size);
      expect([image.attrs.resid, sizeOf.get(image.attrs.resid) ?? size]).toEqual([image.attrs.resid, size]);
      sizeOf.set(image.attrs.resid, size);
    }
  });

  test('every other local asset URL (support page) exists', () => {
    const urls = [...walk(officeApp)]
      .flatMap((n) => [n.attrs.DefaultValue, n.attrs.Value])
      .filter((u): u is string => typeof u === 'string' && u.startsWith(`${DEV_ORIGIN}assets/`));
    for (const url of urls) expect([url, fs.existsSync(assetFile(url))]).toEqual([url, true]);
  });
});

describe('(c) URLs', () => {
  // Namespace names (xmlns, xmlns:*) are identifiers, never fetched.
  const values: { what: string; value: string }[] = [];
  for (const node of walk(officeApp)) {
    for (const [attr, value] of Object.entries(node.attrs)) {
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
      values.push({ what: `${where(node)}@${attr}`, value: value.trim() });
    }
    if (node.children.length === 0 && node.text.trim()) values.push({ what: where(node), value: node.text.trim() });
  }
  // Every scheme://… anywhere in an attribute or text, not only in URL slots.
  const urls = values.flatMap((v) =>
    [...v.value.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi)].map((m) => ({ what: v.what, value: m[0] })),
  );

  test('the URL-typed slots are all filled', () => {
    const slots = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((n) => child(officeApp, n)?.attrs.DefaultValue);
    const urlResources = [...resources.values()].filter((r) => r.kind === 'Url' || r.kind === 'Image');
    expect(slots.every(Boolean)).toBe(true);
    expect(urlResources.length).toBeGreaterThan(0);
    expect(children(child(officeApp, 'AppDomains')!, 'AppDomain').length).toBeGreaterThan(0);
    // Every one of those shows up among the URLs checked below.
    const seen = new Set(urls.map((u) => u.value));
    for (const r of urlResources) expect(seen.has(r.node.attrs.DefaultValue)).toBe(true);
  });

  test.each(urls.map((u) => [u.what, u.value] as const))('%s is https: %s', (_w, value) => {
    expect(value).toMatch(/^https:\/\/[^\s/]+(\/\S*)?$/);
  });
});

describe('(d) ribbon functions', () => {
  const functionNames = all(officeApp, 'FunctionName').map(textOf);

  test('the manifest names the functions it runs', () => {
    expect(functionNames.sort()).toEqual(['computeScores', 'validate']);
  });

  test('every FunctionName is associated in src/commands/commands.ts', () => {
    if (!fs.existsSync(COMMANDS)) {
      throw new Error(`${path.relative(ROOT, COMMANDS)} does not exist: the ribbon's functions are not registered anywhere`);
    }
    const source = fs
      .readFileSync(COMMANDS, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const associated = new Set(
      [...source.matchAll(/Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(['"`])([^'"`]+)\1\s*,/g)].map((m) => m[2]),
    );
    expect(functionNames.filter((name) => !associated.has(name))).toEqual([]);
  });
});

describe('(e) Mongolian and tooltips', () => {
  test('the add-in name and description have mn-MN overrides', () => {
    for (const name of ['DisplayName', 'Description']) {
      const node = child(officeApp, name)!;
      const mn = children(node, 'Override').find((o) => o.attrs.Locale === 'mn-MN');
      expect([name, Boolean(mn?.attrs.Value?.trim())]).toEqual([name, true]);
    }
    expect(children(child(officeApp, 'DisplayName')!, 'Override')[0].attrs.Value).toBe('Үнэлгээ');
  });

  test('the group label is Үнэлгээ in mn-MN', () => {
    expect(mnOverride(resolve(child(groups[0], 'Label'), 'ShortString'))).toBe('Үнэлгээ');
  });

  test('button labels: English by default, Mongolian in mn-MN', () => {
    const labels = buttons.map((b) => {
      const res = resolve(child(b, 'Label'), 'ShortString');
      return [res.node.attrs.DefaultValue, mnOverride(res)];
    });
    expect(labels).toEqual([
      ['Validate', 'Шалгах'],
      ['Compute scores', 'Оноо тооцох'],
      ['Show pane', 'Самбар'],
    ]);
  });

  test.each(buttons.map((b) => [b.attrs.id, b] as const))('%s has a tooltip in English and Mongolian', (_id, button) => {
    const supertip = child(button, 'Supertip');
    if (!supertip) throw new Error(`${button.attrs.id} has no Supertip`);
    const title = resolve(child(supertip, 'Title'), 'ShortString');
    const description = resolve(child(supertip, 'Description'), 'LongString');
    for (const res of [title, description]) {
      expect(res.node.attrs.DefaultValue.trim()).toBeTruthy();
      expect([res.id, mnOverride(res)]).toEqual([res.id, expect.stringMatching(/[а-яөү]/i)]);
    }
    // A tooltip says what the button does, not just its name again.
    expect(description.node.attrs.DefaultValue.split(/\s+/).length).toBeGreaterThanOrEqual(8);
    expect(mnOverride(description).split(/\s+/).length).toBeGreaterThanOrEqual(6);
  });
});

describe('(f) office-addin-manifest', () => {
  // office-addin-manifest 3 pulls ESM-only packages (@microsoft/app-manifest
  // → strip-bom, and uuid 14) that Jest's CommonJS loader refuses ("Must use
  // import to load ES Module"); jest.config.js is shared, so instead of a
  // moduleNameMapper stub the library runs in a child Node process, which
  // loads them natively (require(esm): Node >= 20.19). Only readManifestFile
  // is used; `validate` would post the manifest to a web service.
  const script = `
    require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
      .then((info) => process.stdout.write(JSON.stringify(info)))
      .catch((err) => { console.error(err); process.exit(1); });`;

  test('reads the id, name, host and type we declare', () => {
    const out = execFileSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as Record<string, unknown>;
    expect(info).toMatchObject({
      id: textOf(child(officeApp, 'Id')),
      displayName: 'Unelgee – performance scoring',
      providerName: 'Unelgee',
      defaultLocale: 'en-US',
      hosts: ['Workbook'],
      officeAppType: 'TaskPaneApp',
      permissions: 'ReadWriteDocument',
      iconUrl: `${DEV_ORIGIN}assets/icon-32.png`,
      highResolutionIconUrl: `${DEV_ORIGIN}assets/icon-64.png`,
      defaultSettings: { sourceLocation: `${DEV_ORIGIN}taskpane.html` },
    });
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.id).not.toBe('00000000-0000-0000-0000-000000000000');
  });
});

describe('XML schema (xmllint)', () => {
  function requireValidator() {
    if (!fs.existsSync(VALIDATOR)) throw new Error(`${VALIDATOR} is missing`);
    const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error('xmllint is not installed, so the manifest cannot be schema-validated: apt-get install -y libxml2-utils');
    }
  }

  test('manifest.xml validates against the add-in manifest schemas', () => {
    requireValidator();
    const run = spawnSync('bash', [VALIDATOR, 'manifest.xml'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`validate-manifest exited ${run.status}:\n${run.stdout}${run.stderr}`);
    expect(run.status).toBe(0);
  });

  test('the validator does reject a broken manifest (so the check above means something)', () => {
    requireValidator();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-manifest-'));
    try {
      const broken = path.join(dir, 'manifest.xml');
      // Permissions before DefaultSettings breaks the schema's element order.
      const xml = fs.readFileSync(MANIFEST, 'utf8');
      const permissions = xml.match(/\s*<Permissions>[^<]*<\/Permissions>/)![0];
      fs.writeFileSync(broken, xml.replace(permissions, '').replace('<DefaultSettings>', `${permissions.trim()}\n  <DefaultSettings>`));
      const run = spawnSync('bash', [VALIDATOR, broken], { encoding: 'utf8' });
      expect(run.status).not.toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
