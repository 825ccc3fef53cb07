import { INSTANCES } from './data.ts';
import { el } from './dom.ts';

const body = document.getElementById('instances');
for (const instance of INSTANCES) {
  const row = el('tr');
  const idCell = el('td');
  const link = el('a', instance.id);
  link.href = `./instance.html?id=${encodeURIComponent(instance.id)}`;
  idCell.append(link);
  row.append(idCell, el('td', instance.name), el('td', instance.status, `status status-${instance.status.toLowerCase()}`), el('td', instance.type), el('td', instance.zone));
  body?.append(row);
}
