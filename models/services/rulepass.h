#pragma once

#include "shiftservice.h"

#include <QDate>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>

class QThread;

namespace Tandem {

/// What one rule pass found.
struct RuleFindings
{
    quint64 generation = 0;      ///< the check() this answers
    bool complete = true;        ///< every shift of the range was checked; else only `checked`
    QSet<ShiftId> checked;       ///< the shifts checked again after an edit (when not complete)
    QList<SeatProblem> problems; ///< of the checked shifts
    QString error;               ///< why the pass could not run (nothing was checked)
};

/// The planner's rules over the shifts of a calendar range, checked in a thread of its own on
/// its own connection to the database file, so that painting and input never wait for them.
/// Keeps the RuleBook of the last range: after edits of shifts it checks again only what they
/// touch (DropSession::apply). A newer check() makes older ones moot; they are skipped.
class RulePass final : public QObject
{
    Q_OBJECT

public:
    /// `db` gives the file, the clock and the actor; it must outlive the pass.
    explicit RulePass(Database &db, QObject *parent = nullptr);
    ~RulePass() override;

    /// Checks every seat of the shifts of `rotations` over the days [from, to] (UTC dates) as
    /// the database holds them now. Returns the generation `finished` will carry.
    quint64 check(const QList<RotationId> &rotations, QDate from, QDate to);
    /// After a commit of these shift edits (and nothing else): checks again only what they
    /// touch, or the whole range when the last check's RuleBook cannot follow them.
    void recheck(const ShiftEdit &edits);
    /// Checks queued so far are skipped and the findings of one running are not announced
    /// (the caller no longer wants them; a check() later starts afresh).
    void cancel();
    /// A check or recheck is queued or running.
    bool isBusy() const { return m_queued.load() > 0; }

Q_SIGNALS:
    /// In the thread of the pass's owner, once per check() or recheck() that was not skipped.
    void finished(const Tandem::RuleFindings &findings);

private:
    struct State;
    void post(std::function<void(State &)> job);

    Database &m_db;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;    ///< lives in m_thread; jobs run in its context
    std::unique_ptr<State> m_state; ///< touched only by jobs, in m_thread
    std::atomic<quint64> m_generation{0};
    std::atomic<int> m_queued{0};
};

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::RuleFindings)
