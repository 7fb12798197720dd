#include "rulepass.h"

#include "dropsession.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QThread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRulePass, "tandem.rulepass")

namespace Tandem {

/// What the jobs share, in the pass's thread: the connection (a QSqlDatabase may only be used in
/// the thread that opened it) and the session of the last check.
struct RulePass::State
{
    QString path;
    FixedClock clock{QDateTime::currentDateTimeUtc()}; // set to the owner's clock at each check
    std::unique_ptr<Database> db;
    std::unique_ptr<DropSession> session;
    quint64 generation = 0; ///< of `session`
    QList<RotationId> rotations;
    QDate from;
    QDate to;
};

RulePass::RulePass(Database &db, QObject *parent) : QObject(parent), m_db(db), m_state(std::make_unique<State>())
{
    qRegisterMetaType<RuleFindings>();
    m_state->path = db.path();
    m_thread = new QThread(this);
    m_thread->setObjectName(u"rule pass"_s);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

RulePass::~RulePass()
{
    // The connection closes in the thread that opened it, after the jobs before it.
    m_generation = ~quint64(0);
    post([](State &state) {
        state.session.reset();
        state.db.reset();
    });
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void RulePass::post(std::function<void(State &)> job)
{
    ++m_queued;
    State *state = m_state.get();
    QMetaObject::invokeMethod(
        m_worker,
        [this, state, job = std::move(job)] {
            job(*state);
            --m_queued;
        },
        Qt::QueuedConnection);
}

quint64 RulePass::check(const QList<RotationId> &rotations, QDate from, QDate to)
{
    const quint64 generation = ++m_generation;
    const QDateTime now = m_db.clock().now();
    post([this, generation, now, rotations, from, to](State &state) {
        if (generation != m_generation.load()) {
            return; // a newer range is waiting behind this one
        }
        RuleFindings findings;
        findings.generation = generation;
        state.clock.setNow(now);
        state.session.reset();
        if (!state.db) {
            auto opened = Database::open(state.path, state.clock);
            if (!opened) {
                findings.error = opened.errorMessage();
                qCWarning(lcRulePass) << "cannot open the database:" << findings.error;
                Q_EMIT finished(findings);
                return;
            }
            state.db = std::move(opened).value();
        }
        state.generation = generation;
        state.rotations = rotations;
        state.from = from;
        state.to = to;
        auto session = DropSession::create(*state.db, rotations, from, to);
        auto problems = session ? session.value()->problems() : Result<QList<SeatProblem>>(session.error());
        if (!problems) {
            findings.error = problems.errorMessage();
            qCWarning(lcRulePass) << "rule pass:" << findings.error;
        } else {
            findings.problems = problems.value();
            state.session = std::move(session).value();
        }
        if (generation != m_generation.load()) {
            return; // cancelled, or a newer range is waiting: nobody wants these findings
        }
        Q_EMIT finished(findings);
    });
    return generation;
}

void RulePass::cancel()
{
    ++m_generation;
}

void RulePass::recheck(const ShiftEdit &edits)
{
    const quint64 generation = m_generation.load();
    const QDateTime now = m_db.clock().now();
    post([this, generation, now, edits](State &state) {
        if (generation != m_generation.load() || !state.db) {
            return; // a newer check reads the database anyway
        }
        RuleFindings findings;
        findings.generation = generation;
        state.clock.setNow(now);
        std::optional<QSet<ShiftId>> touched;
        if (state.session && state.generation == generation) {
            touched = state.session->apply(edits);
        }
        Result<QList<SeatProblem>> problems = QList<SeatProblem>();
        if (touched) {
            findings.complete = false;
            findings.checked = *touched;
            problems = state.session->problems(*touched);
        } else {
            // The session missed something: read the range again.
            state.session.reset();
            auto session = DropSession::create(*state.db, state.rotations, state.from, state.to);
            problems = session ? session.value()->problems() : Result<QList<SeatProblem>>(session.error());
            if (session) {
                state.session = std::move(session).value();
                state.generation = generation;
            }
        }
        if (!problems) {
            findings.error = problems.errorMessage();
            qCWarning(lcRulePass) << "rule pass:" << findings.error;
        } else {
            findings.problems = problems.value();
        }
        Q_EMIT finished(findings);
    });
}

} // namespace Tandem
