import type { Migration } from './migration';

/**
 * Versions become first-class: an owner, the version each was made from (a forecast from the
 * budget, a scenario from a forecast), and a deletion mark. A deleted version keeps its values
 * in the file so deleting (and creating) a version can be undone; its name is set aside so the
 * name can be used again. The workbook's last closed month ("actuals through") is a setting;
 * a forecast keeps its own switch-over month (actual months up to it, planned months after),
 * so an earlier forecast still shows what it predicted for months that closed since.
 */
export const versions: Migration = {
  version: 9,
  description: 'version owner, origin and deletion mark',
  up(db) {
    db.exec(`
      ALTER TABLE versions ADD COLUMN owner TEXT NOT NULL DEFAULT '';
      ALTER TABLE versions ADD COLUMN based_on INTEGER REFERENCES versions (id) ON DELETE SET NULL;
      ALTER TABLE versions ADD COLUMN deleted_at TEXT;
      ALTER TABLE versions ADD COLUMN closed_through INTEGER;
    `);
  },
};
