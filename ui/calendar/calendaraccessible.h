#pragma once

#include "domain/shift.h"
#include "itemmodels/shiftrangemodel.h"

#include <QAccessibleWidget>
#include <QDate>
#include <QHash>
#include <QPointer>

namespace Tandem {

class MonthView;
class TimelineView;

/// The accessible tree of the calendar views, so that a screen reader reaches every day, every
/// shift and every seat: both views paint their content, so without this each is one element
/// with no children. The month grid has a child per day of its six weeks, and each day the
/// shifts whose first day in the grid it is (so every shift appears once); the timeline has a
/// child per shift it holds. A shift says its day, rotation, pair and problems in its name
/// ("Mon 7 Dec, Payments on call, Jonas Becker and Markus Weber, conflict: Jonas Becker is on
/// leave"), the times and seats in its description, and offers the view's own actions: open
/// the details, the context menu (swap, assign, clear, lock…), select. Four small classes that
/// only make sense together, hence one file.
///
/// Children are created on demand, registered with QAccessible (which owns them from then on)
/// and kept per day and per shift id; the views call forgetStale() after each new layout.
class CalendarAccessible
{
public:
    /// The factory QAccessible asks for the month view and the timeline (installed by both).
    static QAccessibleInterface *factory(const QString &className, QObject *object);
    static void install();
    /// Tells assistive technology what changed in `view` (the month grid or the timeline): its
    /// children after a new layout, or the child that has the focus now.
    static void notify(QWidget *view, bool layout);
};

/// One shift in a calendar view.
class ShiftAccessible final : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    ShiftAccessible(QAccessibleInterface *parent, QWidget *view, ShiftRangeModel *model, ShiftId id);

    ShiftId shiftId() const { return m_id; }

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *parent() const override { return m_parent; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override;

    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;
    QStringList keyBindingsForAction(const QString &actionName) const override;

private:
    int row() const;

    QAccessibleInterface *m_parent;
    QPointer<QWidget> m_view;
    QPointer<ShiftRangeModel> m_model;
    ShiftId m_id;
};

/// One day of the month grid: its date, holiday, the pairs on call, time nobody is planned
/// for; its children are the shifts that begin there.
class MonthDayAccessible final : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    MonthDayAccessible(QAccessibleInterface *parent, MonthView *view, QDate day);

    QDate day() const { return m_day; }
    /// The accessible of a shift of this day (created on first use).
    QAccessibleInterface *shiftChild(ShiftId id) const;
    void forgetStale();
    ~MonthDayAccessible() override;

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *parent() const override { return m_parent; }
    QAccessibleInterface *child(int index) const override;
    int childCount() const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override;

    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QList<ShiftId> shiftIds() const;

    QAccessibleInterface *m_parent;
    QPointer<MonthView> m_view;
    QDate m_day;
    mutable QHash<ShiftId, QAccessible::Id> m_shifts;
};

/// The month grid: a list of the 42 days it shows.
class MonthViewAccessible final : public QAccessibleWidget
{
public:
    explicit MonthViewAccessible(MonthView *view);
    ~MonthViewAccessible() override;

    /// Drops the children of days and shifts no longer shown.
    void forgetStale();
    /// The child that has the keyboard: the current shift, else the current day.
    QAccessibleInterface *focusChild() const override;

    int childCount() const override { return 42; }
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QString text(QAccessible::Text t) const override;
    QAccessible::Role role() const override { return QAccessible::List; }

private:
    MonthView *view() const;
    MonthDayAccessible *dayChild(QDate day) const;

    mutable QHash<QDate, QAccessible::Id> m_days;
};

/// The timeline: a list of the shifts it holds (the loaded days around the visible ones).
class TimelineAccessible final : public QAccessibleWidget
{
public:
    explicit TimelineAccessible(TimelineView *view);
    ~TimelineAccessible() override;

    void forgetStale();
    QAccessibleInterface *focusChild() const override;
    QAccessibleInterface *shiftChild(ShiftId id) const;

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QString text(QAccessible::Text t) const override;
    QAccessible::Role role() const override { return QAccessible::List; }

private:
    TimelineView *view() const;

    mutable QHash<ShiftId, QAccessible::Id> m_shifts;
};

} // namespace Tandem
