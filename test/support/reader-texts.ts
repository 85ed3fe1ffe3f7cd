import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { ROOT } from './paths';

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir))
    .filter(keep)
    .map((name) => join(dir, name));
}

/** Every string and template piece a file holds (comments are not read). */
export function textsOf(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(join(ROOT, path), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      texts.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

const isTs = (name: string) => name.endsWith('.ts');
const isEmail = (name: string) => name.endsWith('-email.ts');

/**
 * The files of what people read: the web app's messages (web/src/i18n, and the screens that keep
 * their texts beside them: user administration and passwords, new client, Odoo admin, currency)
 * and every email template.
 */
export const READER_TEXT_FILES = [
  ...filesIn('web/src/i18n', isTs),
  'web/src/users/account-texts.ts',
  'web/src/users/create-organization-form.tsx',
  'web/src/contracts/odoo-admin-form.tsx',
  'web/src/contracts/currency.ts',
  ...filesIn('src/notifications/templates', isTs),
  ...filesIn('src/contracts', isEmail),
  ...filesIn('src/identity', isEmail),
  ...filesIn('src/satisfaction', isEmail),
];
