// What Decap CMS writes when it saves an entry unchanged: each file read and written again with
// the same libraries and steps as Decap's own YAML and front-matter formats
// (decap-cms-core/src/formats/yaml.ts and frontmatter.ts, with yaml 1.x and gray-matter, the
// versions npm installs with decap-cms).
//
// stdin: JSON [{"path": ..., "format": "yaml" | "frontmatter", "sortedKeys": [...],
//               "comments": {"key": "text"}}]
// stdout: JSON [{"path": ..., "text": <the file as Decap would write it>}]
'use strict';
const fs = require('fs');
const path = require('path');
const root = process.env.DECAP_NODE_MODULES || path.join(__dirname, '..', 'node_modules');
const yaml = require(path.join(root, 'yaml'));
const matter = require(path.join(root, 'gray-matter'));

function sortKeys(sortedKeys) {
  return (a, b) => {
    const idxA = sortedKeys.indexOf(a.key && a.key.toString());
    const idxB = sortedKeys.indexOf(b.key && b.key.toString());
    if (idxA === -1 || idxB === -1) return 0;
    return idxA > idxB ? 1 : idxA < idxB ? -1 : 0;
  };
}

function addComments(items, comments, prefix = '') {
  items.forEach(item => {
    if (item.key !== undefined) {
      const itemKey = item.key.toString();
      const key = prefix ? `${prefix}.${itemKey}` : itemKey;
      if (comments[key]) {
        item.commentBefore = ` ${comments[key].split('\\n').join('\n ')}`;
      }
      if (item.value && Array.isArray(item.value.items)) {
        addComments(item.value.items, comments, key);
      }
    }
  });
}

const yamlFormat = {
  fromFile(content) {
    if (content && content.trim().endsWith('---')) content = content.trim().slice(0, -3);
    const doc = yaml.parseDocument(content);
    if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join('\n'));
    return doc.toJSON();
  },
  toFile(data, sortedKeys = [], comments = {}) {
    const contents = yaml.createNode(data);
    addComments(contents.items, comments);
    contents.items.sort(sortKeys(sortedKeys));
    const doc = new yaml.Document();
    doc.contents = contents;
    return doc.toString();
  },
};

const engines = {
  yaml: {
    parse: input => yamlFormat.fromFile(input),
    stringify: (metadata, opts) => yamlFormat.toFile(metadata, opts.sortedKeys, opts.comments),
  },
};

function frontmatterFromFile(content) {
  const result = matter(content, { engines, language: 'yaml', delimiters: '---' });
  return { ...result.data, ...(result.content.trim() && { body: result.content }) };
}

function frontmatterToFile(data, sortedKeys, comments) {
  const { body = '', ...meta } = data;
  const trimLastLineBreak = body.slice(-1) !== '\n';
  const file = matter.stringify(body, meta, {
    engines, sortedKeys, comments, language: 'yaml', delimiters: '---',
  });
  return trimLastLineBreak && file.slice(-1) === '\n' ? file.slice(0, -1) : file;
}

const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
const results = jobs.map(job => {
  const text = fs.readFileSync(job.path, 'utf8');
  if (job.format === 'frontmatter') {
    // gray-matter caches by input text; a fresh copy of the string keeps files independent
    const data = frontmatterFromFile(`${text}`);
    return { path: job.path, text: frontmatterToFile(data, job.sortedKeys, job.comments) };
  }
  const data = yamlFormat.fromFile(text);
  return { path: job.path, text: yamlFormat.toFile(data, job.sortedKeys, job.comments) };
});
process.stdout.write(JSON.stringify(results));
