/** A whole, valid page around `body`, for the site check's tests to build small sites from. */
export function page(title: string, stylesheet: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="${stylesheet}">
${head}</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>
`;
}
