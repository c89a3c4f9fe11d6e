import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, HintText, Text } from 'suomifi-ui-components';
import { apiFile, type Identity } from '../api';
import { ErrorMessage } from './Feedback';

// The server's limits (core/application.h), told before choosing and checked here first.
export const MAX_FILES = 5;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_TOTAL_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

export interface ChosenFile {
  file_name: string;
  size: number;
  content: string; // base64, as the form sends it
}

const FileInput = styled.input`
  display: block;
  margin: 8px 0;
  font-size: 16px;
  /* A file input is as wide as its own button and text unless told: on a phone, the screen's width. */
  width: 100%;
`;

// File names are long and unbroken ("Hakemus_kaupungille_2026_lopullinen.pdf"): they wrap anywhere.
const FileList = styled.ul`
  padding-left: 20px;
  li {
    overflow-wrap: anywhere;
    margin: 4px 0;
  }
`;

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });


// Files on the application form: chosen, checked against the limits, and each one previewed as the
// reviewers would get it (the server draws it; nothing is stored). Errors name the file.
export function AttachmentPicker({
  jobId,
  identity,
  files,
  onChange,
  serverError,
}: {
  jobId: number;
  identity: Identity;
  files: ChosenFile[];
  onChange: (files: ChosenFile[]) => void;
  serverError?: string;
}) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState('');
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('files.sizeKb', { n: Math.max(1, Math.round(bytes / 1024)) })
      : t('files.sizeMb', { n: (bytes / (1024 * 1024)).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) });
  const [failure, setFailure] = useState<unknown>(null);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  useEffect(() => () => Object.values(previews).forEach((u) => URL.revokeObjectURL(u)), [previews]);

  const add = async (chosen: FileList | null) => {
    setProblem('');
    if (!chosen) return;
    const next = [...files];
    for (const f of Array.from(chosen)) {
      if (next.length >= MAX_FILES) {
        setProblem(t('files.tooMany', { max: MAX_FILES }));
        break;
      }
      if (!/\.(pdf|docx|odt)$/i.test(f.name)) {
        setProblem(t('files.wrongType', { name: f.name }));
        continue;
      }
      if (f.size > MAX_FILE_BYTES) {
        setProblem(t('files.tooLarge', { name: f.name, max: MAX_FILE_BYTES / (1024 * 1024) }));
        continue;
      }
      if (next.reduce((sum, x) => sum + x.size, 0) + f.size > MAX_TOTAL_BYTES) {
        setProblem(t('files.totalTooLarge', { max: MAX_TOTAL_BYTES / (1024 * 1024) }));
        continue;
      }
      next.push({ file_name: f.name, size: f.size, content: await readBase64(f) });
    }
    onChange(next);
  };

  const preview = async (f: ChosenFile) => {
    setFailure(null);
    try {
      const blob = await apiFile('POST', `/api/v1/jobs/${jobId}/attachment-preview`, {
        identity: { first_name: identity.first_name, last_name: identity.last_name },
        attachment: { file_name: f.file_name, content: f.content },
      });
      setPreviews({ ...previews, [f.file_name]: URL.createObjectURL(blob) });
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <div>
      <label htmlFor="apply-attachments">
        <Text variant="bold">{t('files.choose')}</Text>
      </label>
      <HintText id="apply-attachments-hint">{t('files.limits', { files: MAX_FILES, each: 5, total: 10 })}</HintText>
      <FileInput
        id="apply-attachments"
        type="file"
        accept={ACCEPT}
        multiple
        aria-describedby="apply-attachments-hint"
        aria-invalid={problem || serverError ? true : undefined}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      <p role="alert">{problem || serverError}</p>
      {files.length > 0 && (
        <FileList aria-label={t('files.chosen')}>
          {files.map((f, i) => (
            <li key={`${f.file_name}-${i}`}>
              {f.file_name} ({size(f.size)}){' '}
              <Button variant="secondaryNoBorder" onClick={() => void preview(f)}>
                {t('files.preview')}: {f.file_name}
              </Button>{' '}
              {previews[f.file_name] && (
                <a href={previews[f.file_name]} target="_blank" rel="noreferrer" download={`liite-${i + 1}.pdf`}>
                  {t('files.openPreview', { name: f.file_name })}
                </a>
              )}{' '}
              <Button variant="secondaryNoBorder" onClick={() => onChange(files.filter((_, k) => k !== i))}>
                {t('form.removeRow', { what: f.file_name })}
              </Button>
            </li>
          ))}
        </FileList>
      )}
      <ErrorMessage error={failure} />
      <HintText>{t('files.notInDraft')}</HintText>
    </div>
  );
}
