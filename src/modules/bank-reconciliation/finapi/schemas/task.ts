import { z } from "zod"
import { PagingSchema } from "./paging"
import { httpUrl, WebFormAccountTypeSchema, WebFormInterfaceSchema, WebFormStatusSchema } from "./web-form"

/** `WEB_FORM_REQUIRED` means the user must open `payload.webForm.url` (SCA or credentials needed). */
export const TaskStatusSchema = z.enum([
  "NOT_YET_STARTED", "IN_PROGRESS", "COMPLETED", "COMPLETED_WITH_ERROR", "WEB_FORM_REQUIRED", "ABORTED",
])
export type TaskStatus = z.infer<typeof TaskStatusSchema>

/** Final task statuses. `WEB_FORM_REQUIRED` is not final: the task continues once the form is done. */
export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ["COMPLETED", "COMPLETED_WITH_ERROR", "ABORTED"]

/** The form a `WEB_FORM_REQUIRED` task asks the user to complete. */
export const TaskWebFormSchema = z.looseObject({
  id: z.string().min(1),
  url: httpUrl,
  status: WebFormStatusSchema,
})

/** Task result; known `errorCode`s are BANK_SERVER_REJECTION, INTERNAL_ERROR, INVALID_TOKEN, UNEXPECTED_ACCESS_RESPONSE. */
export const TaskPayloadSchema = z.looseObject({
  bankConnectionId: z.number().int().nullish(),
  webForm: TaskWebFormSchema.nullish(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
})

/** Web Form 2.0 `Task` (background update of a bank connection). */
export const TaskSchema = z.looseObject({
  id: z.string().min(1),
  createdAt: z.string(),
  type: z.string(),
  status: TaskStatusSchema,
  payload: TaskPayloadSchema.nullish(),
})
export type Task = z.infer<typeof TaskSchema>

/** `GET /api/tasks` body. */
export const TaskListSchema = z.looseObject({
  items: z.array(TaskSchema),
  paging: PagingSchema,
})
export type TaskList = z.infer<typeof TaskListSchema>

/**
 * Who is behind a background update (PSD2 "PSU metadata"): the operator's IP address and browser when
 * a person asked for it; without `ipAddress` the bank knows that no user is present.
 */
export const UserMetadataSchema = z.looseObject({
  ipAddress: z.string().max(64).optional(),
  deviceOs: z.string().max(1024).optional(),
  userAgent: z.string().max(1024).optional(),
})
export type UserMetadata = z.infer<typeof UserMetadataSchema>

/** Body of `POST /api/tasks/backgroundUpdate`; `bankConnectionId` and `userMetadata` are required. */
export const BackgroundUpdateRequestSchema = z.looseObject({
  bankConnectionId: z.number().int(),
  importNewAccountsMode: z.enum(["SKIP", "CONDITIONAL", "FORCED"]).optional(),
  accountTypes: z.array(WebFormAccountTypeSchema).optional(),
  allowedInterfaces: z.array(WebFormInterfaceSchema).optional(),
  skipBalancesDownload: z.boolean().optional(),
  skipPositionsDownload: z.boolean().optional(),
  loadOwnerData: z.boolean().optional(),
  manageSavedSettings: z.array(z.enum(["CREDENTIALS", "DEFAULT_TWO_STEP_PROCEDURE"])).optional(),
  callbacks: z
    .looseObject({ finalised: z.string().max(2048).optional(), webFormRequired: z.string().max(2048).optional() })
    .optional(),
  profileId: z.string().length(36).optional(),
  redirectUrl: z.string().optional(),
  // Web Form 2.0: "the PSU metadata must always be provided" for background updates
  userMetadata: UserMetadataSchema,
})
export type BackgroundUpdateRequest = z.infer<typeof BackgroundUpdateRequestSchema>

/** Body finAPI POSTs to a task's `finalised` / `webFormRequired` callback. */
export const TaskCallbackSchema = z.looseObject({
  taskId: z.string().min(1),
  status: TaskStatusSchema,
  webForm: TaskWebFormSchema.nullish(),
})
export type TaskCallback = z.infer<typeof TaskCallbackSchema>
