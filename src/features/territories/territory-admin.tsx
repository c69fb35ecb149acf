import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { records } from '../../db/app-db.ts';
import { slugify, uniqueCode } from '../../domain/slug.ts';
import type { Territory } from '../../domain/territory.ts';
import type { TerritoryNode, TerritoryTree } from '../../domain/territory-tree.ts';
import { MergeForm } from './merge-form.tsx';
import { TerritoryForm, type TerritoryFormValue } from './territory-form.tsx';

type Mode = 'idle' | 'edit' | 'add' | 'merge' | 'saved';

const withoutId = ({ id: _id, ...body }: TerritoryNode): Territory => body;

/** Admin actions on a territory page: edit, add a municipality to a district, merge. */
export function TerritoryAdmin({ node, tree }: { node: TerritoryNode; tree: TerritoryTree }) {
  const { t } = useTranslation('territories');
  const [mode, setMode] = useState<Mode>('idle');
  const save = async (id: string | undefined, body: Territory) => {
    await records.put({ type: 'territory', id, body });
    setMode('saved');
  };

  if (mode === 'edit') {
    return (
      <TerritoryForm
        title={t('admin.edit')}
        withType={node.kind === 'municipality'}
        initial={{
          names: node.names,
          municipalityType: node.municipalityType ?? 'aiyl-aimak',
          target: node.target ?? false,
        }}
        onSave={(value: TerritoryFormValue) =>
          save(node.id, {
            ...withoutId(node),
            names: value.names,
            target: value.target,
            ...(node.kind === 'municipality' ? { municipalityType: value.municipalityType } : {}),
          })
        }
        onCancel={() => setMode('idle')}
      />
    );
  }
  if (mode === 'add') {
    return (
      <TerritoryForm
        title={t('admin.add')}
        withType
        initial={{
          names: { ru: '', ky: '', en: '' },
          municipalityType: 'aiyl-aimak',
          target: false,
        }}
        onSave={(value) =>
          save(undefined, {
            kind: 'municipality',
            code: uniqueCode(
              slugify(value.names.en || value.names.ru),
              new Set([...tree.byId.values()].map((n) => n.code)),
            ),
            names: value.names,
            parentId: node.id,
            municipalityType: value.municipalityType,
            target: value.target,
          })
        }
        onCancel={() => setMode('idle')}
      />
    );
  }
  if (mode === 'merge') {
    const candidates = [...tree.byId.values()].filter(
      (c) => c.kind === 'municipality' && c.id !== node.id && !c.successorId,
    );
    return (
      <MergeForm
        candidates={candidates}
        onMerge={(successorId, date) =>
          save(node.id, { ...withoutId(node), successorId, validTo: date })
        }
        onCancel={() => setMode('idle')}
      />
    );
  }
  return (
    <div className="actions">
      {mode === 'saved' && <output className="form__ok">{t('admin.saved')}</output>}
      <button type="button" className="button" onClick={() => setMode('edit')}>
        {t('admin.edit')}
      </button>
      {node.kind === 'district' && (
        <button type="button" className="button" onClick={() => setMode('add')}>
          {t('admin.add')}
        </button>
      )}
      {node.kind === 'municipality' && !node.successorId && (
        <button type="button" className="button" onClick={() => setMode('merge')}>
          {t('admin.merge')}
        </button>
      )}
    </div>
  );
}
