// A small, self-contained HTML page for the browser at the end of the LinkedIn OAuth flow.
// Every dynamic value is HTML-escaped; the page loads nothing and never contains a token or code.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export type PageContent = { ok: boolean; title: string; paragraphs: string[] };

export function htmlPage(page: PageContent): string {
  const accent = page.ok ? "#057642" : "#b24020";
  const body = page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n    ");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(page.title)} · LinkedIn Share</title>
  <style>
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f2ee; color: #1d1d1d; margin: 0; }
    main { max-width: 32rem; margin: 12vh auto; background: #fff; border-radius: 12px; padding: 2rem; border-top: 6px solid ${accent}; }
    h1 { font-size: 1.4rem; margin-top: 0; }
    p { line-height: 1.5; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(page.title)}</h1>
    ${body}
  </main>
</body>
</html>
`;
}
