#pragma once

#include "calendardnd.h"
#include "domain/shift.h"
#include "shiftbar.h"

#include <QDate>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

namespace Tandem {

class ShiftRangeModel;

/// Six weeks of days, each shift a bar across its days ("Dev + Ops", the rotation's colour),
/// "+N more" where a day overflows. Problems are drawn as patterns, not only colours: hatched
/// for a broken hard rule, a dashed outline and "gap" for an empty seat. Keyboard: arrows move
/// the current day, Ctrl+Up/Down the current shift of that day, Return opens it, the menu key
/// or Shift+F10 asks for its context menu. Drags shifts, accepts shift and person drops and
/// asks `setDropCheck()`'s function what a drop would do while it hovers.
class MonthView final : public QWidget
{
    Q_OBJECT

public:
    explicit MonthView(QWidget *parent = nullptr);

    void setModel(ShiftRangeModel *model);
    ShiftRangeModel *model() const;
    /// Shows the six weeks around `month` (any day of it).
    void setMonth(QDate month);
    QDate month() const { return m_month; }
    QDate gridStart() const { return m_gridStart; }
    /// Days are days of this zone.
    void setTimeZone(const QTimeZone &zone);
    void setToday(QDate today);
    void setDropCheck(CalendarDnd::DropCheck check) { m_dropCheck = std::move(check); }

    QDate currentDate() const { return m_current; }
    void setCurrentDate(QDate date);
    ShiftId currentShift() const { return m_currentShift; }
    void setCurrentShift(ShiftId id);
    /// The bar of a shift on a day (for tests and the drop marker); null when not shown.
    QRect shiftRect(ShiftId id, QDate day = {}) const;
    /// The bars of the model's uncovered() time (no shift at all), for tests and accessibility.
    QList<QRect> uncoveredRects(int index) const;
    /// Model rows of the shifts that cover `day` (drawn or behind "+N more"), by start.
    QList<int> rowsCovering(QDate day) const;
    /// Model rows whose first day in the grid is `day`: each shift of the grid belongs to one
    /// day (for the accessible tree, in which every shift appears once).
    QList<int> rowsStartingOn(QDate day) const;
    /// Indexes into the model's uncovered() that cover `day`.
    QList<int> uncoveredOn(QDate day) const;
    /// "off: Jonas, Maya": who is on leave that day, by first name; empty when nobody is.
    QString leaveText(QDate day) const;
    /// Words for the model's uncovered()[index] (tooltip, accessibility).
    QString uncoveredText(int index) const;
    QRect dayRect(QDate day) const;

    /// How many times the bars have been laid out (for tests: once per month switch).
    int layoutCount() const { return m_layouts; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void currentShiftChanged(Tandem::ShiftId id);
    void currentDateChanged(QDate date);
    void shiftActivated(Tandem::ShiftId id);
    void contextMenuRequested(Tandem::ShiftId id, const QPoint &globalPos);
    /// The keyboard left the six weeks: show the month of `date`.
    void navigationRequested(QDate date);
    void dropRequested(const QMimeData *data, Tandem::ShiftId target, Tandem::Seat seat, Qt::KeyboardModifiers mods);
    /// The status line while a drag hovers (empty when it leaves).
    void feedbackChanged(const QString &text, bool allowed);
    void handoffMoveRequested(Tandem::ShiftId id, const QDateTime &boundary);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Segment
    {
        int row = -1;       ///< model row
        int uncovered = -1; ///< or: index in the model's uncovered()
        int week = 0;
        int firstDay = 0; ///< 0..6 within the week
        int lastDay = 0;
        int lane = 0;
        bool startsHere = true; ///< the shift begins in this segment (else it continues)
        bool endsHere = true;
        QRect rect;
    };
    struct Hit
    {
        int segment = -1;
        Seat seat = Seat::Dev;
        bool endEdge = false;
        QDate day;
    };

    /// Where a shift lies in the grid: its first and last day and the time of day (as a
    /// fraction of the day) where it starts and ends.
    struct Span
    {
        QDate first;
        QDate last;
        double startFraction = 0;
        double endFraction = 1;
    };

    /// Marks the bars out of date and asks for a paint; they are laid out on first use.
    void scheduleLayout();
    void ensureLayout() const;
    void layOut() const;
    QRect cellRect(int index) const;
    int lanesPerCell() const;
    Span span(int row) const;
    Span spanOf(const QDateTime &startUtc, const QDateTime &endUtc) const;
    /// Where the local day of the UTC instant `secs` is in the day table; -1 outside it.
    qsizetype dayIndex(qint64 secs) const;
    /// The table of local midnights around the grid, made again when the grid or zone changed.
    void ensureDayTable() const;
    QPair<QDate, QDate> displayDays(int row) const;
    int uncoveredAt(const QPoint &pos) const;
    /// Tells assistive technology what changed: the children after a new layout, the focus.
    void notifyAccessibility(bool layout);
    /// The handoff time when the end edge of `shift` is dropped on `day`.
    QDateTime handoffOn(const Shift &shift, QDate day) const;
    Hit hitTest(const QPoint &pos) const;
    QList<int> segmentsOnDay(QDate day) const;
    void selectOnDay(QDate day);
    void updateAccessibleName();

    QPointer<ShiftRangeModel> m_model;
    QDate m_month;
    QDate m_gridStart;
    QDate m_today;
    QDate m_current;
    ShiftId m_currentShift;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    // The layout, computed lazily from the model and the grid (see ensureLayout()).
    mutable QList<Segment> m_segments;
    mutable QList<Segment> m_uncoveredSegments; ///< time with no shift, drawn as gaps, not selectable
    mutable QHash<QDate, int> m_hidden;         // day -> bars not shown
    mutable bool m_layoutDirty = true;
    // The local midnights (UTC seconds) of the days from m_tableStart on, one more than the days:
    // a shift's days and fractions of days without converting each of its times to the zone.
    mutable QList<qint64> m_midnights;
    mutable QDate m_tableStart;
    mutable QDate m_tableGrid; ///< the grid start the table was made for
    mutable QByteArray m_tableZone;
    mutable int m_layouts = 0;
    CalendarDnd::DropCheck m_dropCheck;
    ShiftBar::Painter m_painter;

    // Mouse state.
    QPoint m_pressPos;
    int m_pressSegment = -1;
    bool m_resizing = false;
    QDate m_resizeDay;
    // Drop marker.
    QRect m_dropRect;
    bool m_dropAllowed = false;
    bool m_dropWarning = false;
    QString m_dropText;
};

} // namespace Tandem
