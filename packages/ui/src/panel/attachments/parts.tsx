import type { Attachment } from '@helpdock/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useBinding } from '../../binding-context.ts';
import { adoptStyles } from './styles.ts';

export function fileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1048576 ? [bytes / 1048576, 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** Fetches the bytes (the session in a header) into a blob URL, revoked when the preview goes away. */
function useBlobUrl(id: string, wanted: boolean): string | null | undefined {
  const { core } = useBinding();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let alive = true;
    let made: string | null = null;
    void core.attachmentUrl(id).then((u) => {
      made = u;
      if (alive) setUrl(u);
      else if (u) URL.revokeObjectURL(u);
    });
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id, wanted]);
  return url;
}

async function download(core: ReturnType<typeof useBinding>['core'], a: Attachment): Promise<void> {
  const url = await core.attachmentUrl(a.id);
  if (!url) return;
  const link = document.createElement('a');
  link.href = url;
  link.download = a.name;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function File({ file: a }: { file: Attachment }) {
  const { core, lang, t } = useBinding();
  const url = useBlobUrl(a.id, a.kind === 'image');
  const size = fileSize(a.size, lang.value);
  return (
    <li class="hd-file">
      {a.kind === 'image' && url ? <img src={url} alt={a.name} /> : null}
      {a.kind === 'image' && url === null ? <span class="hd-meta">{t('attachment.unavailable')}</span> : null}
      <span class="hd-meta hd-file-name" dir="auto">
        {a.name} · {size}
      </span>
      <button type="button" class="hd-link-button hd-file-button" onClick={() => void download(core, a)}>
        {t('attachment.download', { name: a.name })}
      </button>
    </li>
  );
}

/** The files of one message. Names are text, never markup; images show from blob URLs only. */
export function AttachmentList({ list }: { list: Attachment[] }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => adoptStyles(ref.current), []);
  return (
    <ul class="hd-files" ref={ref}>
      {list.map((a) => (
        <File key={a.id} file={a} />
      ))}
    </ul>
  );
}
