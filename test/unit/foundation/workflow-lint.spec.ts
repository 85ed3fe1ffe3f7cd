import { execFileSync } from 'node:child_process';
import { ROOT } from '../../support/paths';

// Foundation: workflows/ holds only deterministic code; the lint rules for it must bite.

// ESLint loads its flat config with a dynamic import, which jest's VM cannot do: lint in a child.
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');
(async () => {
  const eslint = new ESLint({
    cwd: process.argv[1],
    // The probe is not on disk, so type-aware rules are off; the import rules are syntactic.
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ],
  });
  const [result] = await eslint.lintText(process.argv[2], {
    filePath: process.argv[1] + '/workflows/probe.workflow.ts',
  });
  process.stdout.write(JSON.stringify(result.messages.map((m) => m.ruleId + ': ' + m.message)));
})();
`;

function lintWorkflow(code: string): string[] {
  const out = execFileSync(process.execPath, ['-e', LINT_SCRIPT, ROOT, code], { cwd: ROOT });
  return JSON.parse(out.toString()) as string[];
}

describe('lint rules for workflows/**', () => {
  it.each([
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /no Node built-ins/,
    ],
    ["import { randomUUID } from 'crypto';\nexport const x = randomUUID;\n", /no Node built-ins/],
    [
      "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
      /may value-import only/,
    ],
    [
      "import { repoRoot } from '../src/common/repo-root';\nexport const x = repoRoot;\n",
      /may not value-import application code/,
    ],
    ['export const x = setTimeout;\n', /sleep\(\) or condition\(\)/],
  ])('rejects %j', (code, message) => {
    const messages = lintWorkflow(code);
    expect(messages.join('\n')).toMatch(message);
  });

  it('accepts the workflow SDK, sibling files and type-only imports of application code', () => {
    const messages = lintWorkflow(
      "import { condition } from '@temporalio/workflow';\n" +
        "import { TICKET_STATE } from './search-attributes';\n" +
        "import type { AppConfig } from '../src/config/app-config';\n" +
        'export const x: [typeof condition, typeof TICKET_STATE, AppConfig | null] = [condition, TICKET_STATE, null];\n',
    );
    expect(messages).toEqual([]);
  });
});
