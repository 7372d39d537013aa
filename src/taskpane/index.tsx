// The task pane page (taskpane.html): once Office is ready, render the pane in
// Office's display language (the workbook's saved choice, read by the pane,
// takes over from there).

import { mountPane } from './mount';

void Office.onReady(() => {
  const container = document.getElementById('container');
  if (container) mountPane(container);
});
