import { Button, Checkbox, FocusModal, Heading, Label, Text, clx } from "@medusajs/ui"
import { DragEvent, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { StatementFileResult, useUploadStatements } from "../../hooks/statement-upload"
import { statementFileError, statementFileWarnings, uploadError } from "../../lib/import-messages"
import { formWidth } from "../../lib/styles"

// ZIP: banks deliver CAMT files packed (EBICS C53/C54, online banking exports)
const ACCEPT = ".xml,.sta,.mt940,.txt,.940,.camt,.mta,.zip"

/** "Upload statement": CAMT.053/054 or MT940 files by drag and drop or file picker; shows each file's result. */
export const UploadStatementModal = () => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [files, setFiles] = useState<File[]>([])
  const [addUnknown, setAddUnknown] = useState(false)
  const [dragging, setDragging] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const upload = useUploadStatements()

  const add = (list: FileList | null) => {
    if (list?.length) {
      setFiles((current) => [...current, ...Array.from(list)])
      upload.reset()
    }
  }
  const drop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    add(event.dataTransfer.files)
  }
  const reopen = (next: boolean) => {
    if (upload.isPending) return
    setOpen(next)
    if (!next) {
      setFiles([])
      upload.reset()
    }
  }

  return (
    <FocusModal open={open} onOpenChange={reopen}>
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary">{t("finapi.statements.upload")}</Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <FocusModal.Header>
          <Button
            size="small"
            isLoading={upload.isPending}
            disabled={!files.length || !!upload.data}
            onClick={() => upload.mutate({ files, addUnknownAccounts: addUnknown })}
          >
            {t("finapi.statements.import")}
          </Button>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center py-16">
          <div className="flex flex-col gap-y-6" style={formWidth}>
            <div>
              <Heading>{t("finapi.statements.upload")}</Heading>
              <Text className="text-ui-fg-subtle">{t("finapi.statements.hint")}</Text>
            </div>
            <div
              role="button"
              tabIndex={0}
              data-testid="statement-drop-zone"
              onClick={() => input.current?.click()}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
              onDragOver={(e) => {
                e.preventDefault()
                setDragging(true)
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={drop}
              className={clx(
                "flex cursor-pointer flex-col items-center gap-y-1 rounded-lg border border-dashed px-6 py-8 text-center",
                dragging ? "border-ui-border-interactive bg-ui-bg-highlight" : "border-ui-border-strong"
              )}
            >
              <Text size="small" weight="plus">{t("finapi.statements.dropHere")}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.statements.formats")}</Text>
              <input
                ref={input}
                type="file"
                multiple
                accept={ACCEPT}
                className="hidden"
                data-testid="statement-file-input"
                onChange={(e) => {
                  add(e.target.files)
                  e.target.value = ""
                }}
              />
            </div>
            <div className="flex items-start gap-x-2">
              <Checkbox id="add-unknown-accounts" checked={addUnknown} onCheckedChange={(v) => setAddUnknown(v === true)} />
              <div>
                <Label htmlFor="add-unknown-accounts" size="small">{t("finapi.statements.addUnknown")}</Label>
                <Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.statements.addUnknownHint")}</Text>
              </div>
            </div>
            {!!files.length && (
              <ul className="flex flex-col gap-y-2" data-testid="statement-files">
                {files.map((file, i) => (
                  <FileLine key={`${file.name}-${i}`} file={file} result={resultFor(upload.data?.results, file, i)} />
                ))}
              </ul>
            )}
            {(upload.data?.refused || upload.error) && (
              <Text size="small" className="text-ui-fg-error" data-testid="statement-upload-error">
                {upload.data?.refused ? uploadError(upload.data.refused.code, upload.data.refused.message, t) : upload.error?.message}
              </Text>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

function resultFor(results: StatementFileResult[] | undefined, file: File, index: number): StatementFileResult | undefined {
  return results?.[index]?.file_name === file.name ? results[index] : undefined
}

const FileLine = ({ file, result }: { file: File; result?: StatementFileResult }) => {
  const { t, i18n } = useTranslation()
  const leftOut = Object.entries(result?.left_out ?? {})
    .map(([reason, count]) => t(`finapi.statements.leftOut.${reason}`, { count }))
    .join(", ")
  return (
    <li className="border-ui-border-base flex flex-col rounded-md border px-3 py-2">
      <Text size="small" weight="plus">{file.name}</Text>
      {result?.error && <Text size="small" className="text-ui-fg-error" data-testid="statement-file-error">{statementFileError(result, t)}</Text>}
      {result && statementFileWarnings(result, t, i18n.language).map((warning, i) => (
        <Text key={i} size="small" className="text-ui-fg-subtle">{warning}</Text>
      ))}
      {result?.counts && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("finapi.statements.result", { read: result.counts.fetched, imported: result.counts.imported, known: result.counts.known })}
          {leftOut && ` · ${t("finapi.statements.leftOutList", { list: leftOut })}`}
        </Text>
      )}
    </li>
  )
}
