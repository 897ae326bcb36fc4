import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vitestFailures } from './vitest-failures';

describe('vitestFailures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-failures-'));

  it('names each failed test with the start of its message, and skips the passed ones', () => {
    const report = join(dir, 'report.json');
    const longMessage = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    writeFileSync(
      report,
      JSON.stringify({
        testResults: [
          {
            name: '/repo/test/a.test.ts',
            status: 'failed',
            assertionResults: [
              { status: 'passed', title: 'fine' },
              { status: 'failed', fullName: 'suite broken', title: 'broken', failureMessages: [longMessage] },
            ],
          },
          {
            name: '/repo/test/b.test.ts',
            status: 'failed',
            message: 'Cannot find module x',
            assertionResults: [],
          },
        ],
      }),
    );
    const lines = vitestFailures(report, '/repo');
    expect(lines[0]).toBe('✗ test/a.test.ts › suite broken');
    expect(lines).toContain('    line 11');
    expect(lines).not.toContain('    line 12');
    expect(lines).toContain('    … (18 more lines in the vitest output above)');
    expect(lines).toContain('✗ test/b.test.ts');
    expect(lines).toContain('    Cannot find module x');
    expect(lines.some((line) => line.includes('fine'))).toBe(false);
  });

  it('says so when vitest left no report', () => {
    expect(vitestFailures(join(dir, 'missing.json'))[0]).toMatch(/no vitest report/);
  });
});
