import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordBookingFailureStep } from "../steps/record-booking-failure"

export const recordBookingFailureWorkflowId = "record-booking-failure"

/** Stores why an assignment could not be booked, so the booking view shows it. */
export const recordBookingFailureWorkflow = createWorkflow(recordBookingFailureWorkflowId, function (input: { assignment_id: string; reason: string }) {
  recordBookingFailureStep(input)
  return new WorkflowResponse(undefined)
})
