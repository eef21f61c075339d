import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_STATEMENT_FILE_BYTES } from "../../../../modules/bank-reconciliation/statements/read-statement-file"

export const MAX_STATEMENT_FILES = 20

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_STATEMENT_FILE_BYTES, files: MAX_STATEMENT_FILES } })

/** Multipart "files" (several); multer's own errors (too large, too many) become a 400 naming the limit. */
function statementFiles(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload.array("files", MAX_STATEMENT_FILES)(req as never, res as never, (error?: unknown) => {
    if (error instanceof multer.MulterError) {
      const { code, field, message } = error as { code: string; field?: string; message: string }
      const [limit, limitCode] =
        code === "LIMIT_FILE_SIZE"
          ? [`a file is larger than ${MAX_STATEMENT_FILE_BYTES / 1024 / 1024} MB`, "file_too_large"]
          : code === "LIMIT_FILE_COUNT" || code === "LIMIT_UNEXPECTED_FILE"
            ? [`send at most ${MAX_STATEMENT_FILES} files, in the form field "files"`, "too_many_files"]
            : [message, "upload_refused"]
      // the code lets the admin say it in the operator's language
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `files: ${limit}${field ? ` (${field})` : ""}`, limitCode))
    }
    next(error as Error | undefined)
  })
}

/** Statement-file upload. */
export const statementUploadMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/bank-reconciliation/statements", methods: ["POST"], bodyParser: false, middlewares: [statementFiles] },
]
