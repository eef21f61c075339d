import { WorkflowScheduler, type WorkflowDefinition } from "@medusajs/framework/orchestration"

/**
 * Takes a scheduled job off this process's scheduler, so its tick cannot run during a test.
 * clearWorkflow is typed to take a whole workflow definition but reads only its id.
 */
export async function unscheduleJob(jobName: string): Promise<void> {
  await new WorkflowScheduler().clearWorkflow({ id: `job-${jobName}` } as WorkflowDefinition)
}
