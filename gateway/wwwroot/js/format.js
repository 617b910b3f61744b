// Numbers as read in Peru (es-PE: 1,543 and 3,200,000.00) and the API's "Español / English" labels.

// Grouping always: Spanish locales otherwise leave four-digit numbers ungrouped ("1543").
const whole = new Intl.NumberFormat('es-PE', { useGrouping: true, maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('es-PE', { useGrouping: true, minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure's value; money columns (labelled "(S/)") always with céntimos. Null means nothing to compute (a ratio over zero). */
export function formatValue(value, column) {
  if (value === null || value === undefined) return '—';
  return (isMoney(column) ? money : whole).format(value);
}

export function isMoney(column) {
  return column.label.includes('(S/)');
}

/** Splits "Español / English" into its two parts; a label without the separator is the same in both. */
export function bilingual(label) {
  const at = label.indexOf(' / ');
  return at < 0 ? { es: label, en: null } : { es: label.slice(0, at), en: label.slice(at + 3) };
}

/** The label as Spanish text followed by the English in a smaller span marked lang="en". */
export function labelNodes(label) {
  const { es, en } = bilingual(label);
  const nodes = [document.createTextNode(es)];
  if (en) {
    nodes.push(document.createTextNode(' '));
    nodes.push(element('span', { lang: 'en', className: 'en' }, en));
  }
  return nodes;
}

/**
 * document.createElement with properties and children; text children become text nodes (never HTML). Names with a
 * dash (aria-*, data-*) and role are set as attributes: not every browser reflects them as properties.
 */
export function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name.includes('-') || name === 'role') node.setAttribute(name, value);
    else node[name] = value;
  }
  node.append(...children.flat());
  return node;
}
