#pragma once

#include "calendardnd.h"
#include "domain/clock.h"
#include "domain/shift.h"
#include "shiftbar.h"

#include <QAbstractScrollArea>
#include <QDate>
#include <QHash>
#include <QPointer>
#include <QTimeZone>

namespace Tandem {

class ShiftRangeModel;

/// Shifts along time: per rotation a developer lane and an ops lane (or one row per person),
/// days as columns, hours when zoomed in. Zooms from one day to three months across the
/// viewport (Ctrl+wheel, +/−), scrolls smoothly, and asks its model for the visible days only
/// (plus a margin, so that scrolling does not query on every frame).
class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class Rows { Rotations, People };

    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(ShiftRangeModel *model);
    ShiftRangeModel *model() const;
    void setTimeZone(const QTimeZone &zone);
    void setToday(QDate today);
    void setRows(Rows rows);
    Rows rows() const { return m_rows; }
    void setDropCheck(CalendarDnd::DropCheck check) { m_dropCheck = std::move(check); }

    /// Days visible across the viewport: 1 to 92.
    double visibleDays() const;
    void setVisibleDays(double days);
    void zoomIn();
    void zoomOut();
    /// Scrolls so that `date` is the first visible day.
    void scrollToDate(QDate date);
    QDate firstVisibleDate() const;

    ShiftId currentShift() const { return m_currentShift; }
    void setCurrentShift(ShiftId id);
    /// The first bar of the shift on screen, in viewport coordinates; null when none is.
    QRect shiftRect(ShiftId id) const;
    /// The model's service holes (ShiftRangeModel::serviceHoles()) on screen: (index, rect)
    /// across the lanes of the service's legs, in viewport coordinates; empty in rows per person.
    QList<QPair<int, QRectF>> serviceHoleBars() const;
    /// What the service hole at `pos` (viewport coordinates) is, for its tooltip; empty if none.
    QString serviceHoleTextAt(const QPoint &pos) const;
    /// Tells assistive technology what changed: the children after new rows, the focus.
    void notifyAccessibility(bool layout);

Q_SIGNALS:
    void currentShiftChanged(Tandem::ShiftId id);
    void shiftActivated(Tandem::ShiftId id);
    void contextMenuRequested(Tandem::ShiftId id, const QPoint &globalPos);
    void visibleRangeChanged(QDate first, QDate last);
    void dropRequested(const QMimeData *data, Tandem::ShiftId target, Tandem::Seat seat, Qt::KeyboardModifiers mods);
    void feedbackChanged(const QString &text, bool allowed);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Lane
    {
        QString label;
        QString sublabel;
        QString rotationId; ///< rows per rotation
        PersonId person;    ///< rows per person
        Seat seat = Seat::Dev;
        bool firstOfGroup = false;
        friend bool operator==(const Lane &, const Lane &) = default;
    };
    struct Bar
    {
        int row = -1;
        int lane = 0;
        Seat seat = Seat::Dev;
        QRectF rect; ///< viewport coordinates
    };

    void rebuildLanes();
    void updateScrollBars();
    /// Scrolls to m_offsetDays.
    void applyOffset();
    void updateLabelWidth();
    /// Asks the model for the visible days plus a margin: at once when the visible days are not
    /// all loaded, else without waiting (the model reads them in a worker) when they come near
    /// the loaded edge.
    void ensureLoaded();
    /// The visible days plus a margin, waiting for them (`wait`) or not.
    void loadAround(bool wait);
    QList<Bar> bars() const;
    int barAt(const QList<Bar> &all, const QPoint &pos) const;
    /// The model's uncovered() time in the rotation lanes: (index, rect) on screen.
    QList<QPair<int, QRectF>> uncoveredBars() const;
    QString uncoveredTextAt(const QPoint &pos) const;
    double xOf(const QDateTime &t) const;
    QDateTime timeAt(double x) const;
    double pixelsPerDay() const;

    QPointer<ShiftRangeModel> m_model;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QDate m_today = Clock::current().today();
    QDate m_origin; ///< day 0 of the scrollable span (two years around today)
    int m_spanDays = 731;
    double m_visibleDays = 28;
    double m_offsetDays = 0; ///< days from m_origin to the left edge, kept across resizes
    Rows m_rows = Rows::Rotations;
    QList<Lane> m_lanes;
    int m_labelWidth = 180; ///< the row labels' column, as wide as the longest label needs
    ShiftId m_currentShift;
    CalendarDnd::DropCheck m_dropCheck;
    QPoint m_pressPos;
    int m_pressBar = -1;
    QRectF m_dropRect;
    bool m_dropAllowed = false;
    bool m_dropWarning = false;
    QString m_dropText;
    ShiftBar::Painter m_painter;
};

} // namespace Tandem
