import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Attachment } from '@helpdock/protocol';
import type { Files } from '../files.ts';
import { formatSize } from '../format.ts';
import { useLocale, useT } from '../i18n.tsx';

export const FilesContext = createContext<Files | null>(null);

/** Fetches an image's bytes into a blob URL (the token stays in a header), revoked when it goes away. */
function useBlobUrl(files: Files | null, id: string, wanted: boolean): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!files || !wanted) return;
    let alive = true;
    let made: string | null = null;
    void files.url(id).then((res) => {
      made = res.ok ? res.url : null;
      if (alive) setUrl(made);
      else if (made) URL.revokeObjectURL(made);
    });
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [files, id, wanted]);
  return url;
}

async function download(files: Files, a: Attachment): Promise<void> {
  const res = await files.url(a.id);
  if (!res.ok) return;
  const link = document.createElement('a');
  link.href = res.url;
  link.download = a.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(res.url), 30_000);
}

function File({ file: a }: { file: Attachment }) {
  const t = useT();
  const { locale } = useLocale();
  const files = useContext(FilesContext);
  const url = useBlobUrl(files, a.id, a.kind === 'image');
  return (
    <li class="attachment">
      {a.kind === 'image' && url ? <img src={url} alt={a.name} class="attachment-preview" /> : null}
      <span class="attachment-name" dir="auto">
        {a.name}
      </span>{' '}
      <span class="muted">{formatSize(a.size, locale.value)}</span>{' '}
      {files ? (
        <button type="button" class="link" onClick={() => void download(files, a)}>
          {t('attachment.download', { name: a.name })}
        </button>
      ) : null}
    </li>
  );
}

/** The files of one message; names are text, images come from blob URLs only. */
export function AttachmentList({ list }: { list: readonly Attachment[] }) {
  return (
    <ul class="attachments">
      {list.map((a) => (
        <File key={a.id} file={a} />
      ))}
    </ul>
  );
}
