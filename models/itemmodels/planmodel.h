#pragma once

#include "domain/rotation.h"
#include "planner/planner.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Tandem {

/// The shifts of a plan preview, one row each: when (in the rotation's zone), who, what changes
/// against the database, and why. Read-only; it holds a copy of the plan it shows.
class PlanPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StartColumn,
        EndColumn,
        RotationColumn,
        DeveloperColumn,
        OpsColumn,
        ChangeColumn,
        WhyColumn,
        ColumnCount
    };
    enum Roles {
        TextRole = Qt::DisplayRole,
        ShiftIdRole = Qt::UserRole + 1, ///< QString uuid
        ShiftRole,                      ///< the Shift value
        ChangeRole,                     ///< Planner::Change as int
        GapRole,                        ///< bool: a seat of the shift is empty
        StartRole,                      ///< QDateTime, UTC
        SortRole,                       ///< a value that sorts naturally (times as times)
    };

    explicit PlanPreviewModel(QObject *parent = nullptr);

    /// Shows `plan`, naming people and rotations from `request` (what the plan was made from;
    /// its existing shifts give the previous people of a changed shift).
    void setPlan(const Planner::PlanRequest &request, const Planner::PlanResult &plan);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Planner::PlannedShift &shiftAt(const QModelIndex &index) const;
    QModelIndex indexOf(ShiftId id, int column = StartColumn) const;

    /// How many shifts of the plan have `change`.
    int count(Planner::Change change) const;
    /// Empty seats in the plan.
    int gapCount() const;
    /// "13 shifts: 10 added, 2 changed, 1 unchanged; 1 gap".
    QString summaryText() const;

    static QString changeText(Planner::Change change);

private:
    QString personName(PersonId id) const;
    QString timeText(const QDateTime &utc, const Rotation &rotation) const;

    QList<Planner::PlannedShift> m_shifts;
    QHash<PersonId, QString> m_names;
    QHash<RotationId, Rotation> m_rotations;
    QHash<ShiftId, Shift> m_before;
};

/// Per person fairness figures of a plan (FairnessSummary::people), one row each.
class FairnessModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PersonColumn,
        PoolColumn,
        ShiftsColumn,
        LoadColumn,
        FairShareColumn,
        DeviationColumn,
        WeekendsColumn,
        HolidaysColumn,
        NightsColumn,
        PartnersColumn,
        ColumnCount
    };
    enum Roles {
        TextRole = Qt::DisplayRole,
        PersonIdRole = Qt::UserRole + 1, ///< QString uuid
        PersonRoleRole,                  ///< Role as int
        SortRole,                        ///< numbers as numbers
    };

    explicit FairnessModel(QObject *parent = nullptr);

    void setSummary(const Planner::FairnessSummary &summary, const QHash<PersonId, QString> &names);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Planner::PersonFigures &figuresAt(const QModelIndex &index) const;

private:
    QList<Planner::PersonFigures> m_people;
    QHash<PersonId, QString> m_names;
};

/// How often each developer (rows) shares a shift with each ops engineer (columns).
class PairMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles {
        CountRole = Qt::UserRole + 1, ///< int: shifts together
    };

    explicit PairMatrixModel(QObject *parent = nullptr);

    void setSummary(const Planner::FairnessSummary &summary, const QHash<PersonId, QString> &names);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<PersonId> m_devs;
    QList<PersonId> m_ops;
    QHash<QPair<PersonId, PersonId>, int> m_pairs;
    QHash<PersonId, QString> m_names;
    int m_max = 0;
};

} // namespace Tandem
