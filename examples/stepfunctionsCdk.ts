/**
 * The CDK side of the Step Functions example: one stack with a `WorkflowStateMachine` per
 * exported pipeline, synthesized offline into a temporary cloud assembly, and a summary of what
 * it holds (resources, each state machine's states, the role's statements, the code assets).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { WorkflowStateMachine } from 'sagemaker-workflow/stepfunctions/cdk';
import type { ExportedStateMachine } from 'sagemaker-workflow/stepfunctions';

/** Synthesizes the pipelines into one stack and returns the printed summary. */
export function synthesizeSummary(pipelines: Record<string, ExportedStateMachine>): string {
  const outdir = mkdtempSync(join(tmpdir(), 'sagemaker-workflow-cdk-'));
  try {
    const app = new App({ outdir });
    const stack = new Stack(app, 'SageMakerPipelines', {
      env: { account: '123456789012', region: 'us-east-2' },
    });
    const constructs = Object.entries(pipelines).map(
      ([id, exported]) => [id, new WorkflowStateMachine(stack, id, { exported })] as const,
    );
    const resources = Template.fromStack(stack).toJSON()['Resources'] as Record<
      string,
      {
        Type: string;
        Properties?: {
          PolicyDocument?: { Statement: { Sid?: string; Action: string | string[] }[] };
        };
      }
    >;
    const lines = ['Resources:'];
    for (const [logicalId, resource] of Object.entries(resources)) {
      const sids = resource.Properties?.PolicyDocument?.Statement.map(
        (s) => s.Sid ?? [s.Action].flat().join(' '),
      );
      lines.push(`  ${resource.Type} ${logicalId}${sids ? `: ${sids.join(', ')}` : ''}`);
    }
    for (const [id, construct] of constructs) {
      const states = Object.keys(construct.definition.States);
      lines.push(`${id}: ${states.length} states (${states.join(', ')})`);
      for (const code of construct.codeAssets) {
        lines.push(`  code ${code.exportedUri} → asset ${code.asset.assetHash}`);
      }
      if (construct.codeAssets.length === 0) lines.push('  no code assets');
    }
    return lines.join('\n');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
