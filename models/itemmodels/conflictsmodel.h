#pragma once

#include "domain/shift.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimeZone>

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
        /// A shift's row: its rotation's name and its problems, worded with its day when shown
        /// (a rebuild then costs no date formatting for the thousands of rows nobody scrolls
        /// to); other rows: the whole text.
        QString rotation;
        QString text;
        bool shiftRow = false;
        int problems = 0;
        friend bool operator==(const Row &, const Row &) = default;
    };
    void rebuild();
    QString textOf(const Row &row) const;

    QPointer<ShiftRangeModel> m_shifts;
    QList<Row> m_rows;
    QTimeZone m_zone; ///< the viewer's zone the rows were made for
};

} // namespace Tandem
