#include "rosterdelegate.h"

#include "itemmodels/rostermodel.h"
#include "timezonecombo.h"

#include <QDoubleSpinBox>

namespace Tandem {

QWidget *RosterDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    switch (index.column()) {
    case RosterModel::TimeZoneColumn:
        return new TimeZoneCombo(parent);
    case RosterModel::CapacityColumn: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0.1, 1.0);
        spin->setSingleStep(0.1);
        spin->setDecimals(1);
        return spin;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void RosterDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<TimeZoneCombo *>(editor)) {
        combo->setTimeZone(index.data(Qt::EditRole).toString());
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->setValue(index.data(Qt::EditRole).toDouble());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void RosterDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<TimeZoneCombo *>(editor)) {
        model->setData(index, combo->timeZone());
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        model->setData(index, spin->value());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace Tandem
