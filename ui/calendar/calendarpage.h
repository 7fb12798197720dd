#pragma once

#include "calendardnd.h"
#include "domain/person.h"
#include "domain/shift.h"

#include <QDate>
#include <QMainWindow>

#include <memory>

class QComboBox;
class QCheckBox;
class QDateEdit;
class QLabel;
class QListView;
class QListWidget;
class QStackedWidget;
class QTextBrowser;

namespace Tandem {

class ConflictsModel;
class EmptyState;
class DropSession;
class MonthView;
class ShiftRangeModel;
class TimelineView;
class Workspace;

/// The calendar: month and timeline views over one ShiftRangeModel each, navigation, filters,
/// the viewer's or a rotation's time zone, and docks for conflicts, the roster with its load,
/// and the details of the current shift. Turns drags and menu picks into ShiftEditor calls.
/// A QMainWindow inside the main window's page stack, so that its docks can move.
class CalendarPage final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Mode { Month, Timeline };

    explicit CalendarPage(QWidget *parent = nullptr);
    ~CalendarPage() override;

    /// Null detaches the page (before the workspace goes).
    void setWorkspace(Workspace *workspace);

    void showMonth(QDate month);
    QDate month() const { return m_month; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void goToday();
    void goPrevious();
    void goNext();

    MonthView *monthView() const { return m_monthView; }
    TimelineView *timelineView() const { return m_timeline; }
    ShiftRangeModel *monthModel() const { return m_monthModel; }
    ShiftId currentShift() const { return m_current; }
    void setCurrentShift(ShiftId id);

    /// What dropping `data` on the seat of `target` would do (the views ask while hovering).
    CalendarDnd::Feedback checkDrop(const QMimeData *data, ShiftId target, Seat seat, Qt::KeyboardModifiers mods);
    /// Performs the drop; false (with the reason in the status line) when refused.
    bool drop(const QMimeData *data, ShiftId target, Seat seat, Qt::KeyboardModifiers mods);
    /// The context menu of a shift (or of the calendar when null), at `globalPos`.
    void showContextMenu(ShiftId id, const QPoint &globalPos);
    /// Asks for the new end of the shift (the keyboard path for dragging its right edge).
    void moveHandoff(ShiftId id);
    /// The person selected in the People dock: what Edit ▸ Time Off… and the other person
    /// actions act on while the calendar is the page shown. Empty when none is selected.
    Person currentPerson() const;
    /// Reads the filters again (people, teams, rotations, "my shifts" after Set My Identity…),
    /// keeping what is chosen in them.
    void rebuildFilters();

Q_SIGNALS:
    /// A message for the window's status line.
    void statusMessage(const QString &text, int timeoutMs);
    /// "Re-plan from here": the window opens the plan dialog from `from`.
    void replanRequested(QDate from);
    /// "Print This Month": the window opens the print dialog on the month grid of [from, to].
    void printRequested(QDate from, QDate to);
    /// The People dock's selection changed.
    void currentPersonChanged();
    /// Month or timeline.
    void modeChanged();

private:
    void buildUi();
    void updateRange();
    void updateTitle();
    void updateDetails();
    void updateRoster();
    /// updateRoster() once the current burst of model signals is over.
    void scheduleRosterUpdate();
    void applyZone();
    void pickPerson(ShiftId id, Seat seat);
    void pickShadow(ShiftId id);
    void swapWith(ShiftId id);
    void editText(ShiftId id, bool bridge);
    void report(const QString &failure);
    std::optional<Shift> shift(ShiftId id) const;

    Workspace *m_ws = nullptr;
    Mode m_mode = Mode::Month;
    QDate m_month;
    ShiftId m_current;
    ShiftRangeModel *m_monthModel = nullptr;
    ShiftRangeModel *m_timelineModel = nullptr;
    ConflictsModel *m_conflicts = nullptr;
    std::unique_ptr<DropSession> m_session;
    QString m_sessionKey;
    bool m_rosterUpdatePending = false;

    QStackedWidget *m_stack = nullptr;
    MonthView *m_monthView = nullptr;
    TimelineView *m_timeline = nullptr;
    QLabel *m_title = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QComboBox *m_rowsCombo = nullptr;
    QComboBox *m_teamCombo = nullptr;
    QComboBox *m_rotationCombo = nullptr;
    QComboBox *m_personCombo = nullptr;
    QComboBox *m_highlightCombo = nullptr;
    QComboBox *m_zoneCombo = nullptr;
    QLabel *m_legend = nullptr; ///< the colours of the rotations shown, with their names
    QListView *m_conflictList = nullptr;
    EmptyState *m_conflictsEmpty = nullptr;
    QListWidget *m_rosterList = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace Tandem
