#pragma once

#include "domain/shift.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Tandem {

class ShiftRangeModel;

/// The problems of the visible range, one row per shift with a gap or a broken rule and one per
/// stretch of a rotation's on-call time with no shift at all, in time order, worded for a list
/// ("Mon 3 Jun, Payments on call: no developer"). Follows its ShiftRangeModel; activating a row
/// in a view jumps to `shiftAt(row)` (null for a stretch without a shift: go to `startAt(row)`).
class ConflictsModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TextRole = Qt::DisplayRole,
        ToolTipRole = Qt::ToolTipRole,
        ShiftIdRole = Qt::UserRole + 1,
        StartRole,
        ProblemsRole,
    };
    Q_ENUM(Role)

    explicit ConflictsModel(ShiftRangeModel *shifts, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    ShiftId shiftAt(int row) const { return m_rows.at(row).id; }
    QDateTime startAt(int row) const { return m_rows.at(row).start; }

private:
    struct Row
    {
        ShiftId id;
        QDateTime start;
        QString text;
        int problems = 0;
        friend bool operator==(const Row &, const Row &) = default;
    };
    void rebuild();

    QPointer<ShiftRangeModel> m_shifts;
    QList<Row> m_rows;
};

} // namespace Tandem
