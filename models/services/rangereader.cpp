#include "rangereader.h"

#include "services/rotationservice.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRangeReader, "tandem.rangereader")

namespace Tandem {

/// What the reads share, in the reader's thread: the connection (a QSqlDatabase may only be used
/// in the thread that opened it).
struct RangeReader::State
{
    explicit State(const Database &owner) : path(owner.path()), clock(owner.clock().now()) {}

    QString path;
    FixedClock clock; // the owner's "now" when it was made: reads need no other
    std::unique_ptr<Database> db;
};

RangeReader::RangeReader(Database &db, QObject *parent) : QObject(parent), m_state(std::make_unique<State>(db))
{
    qRegisterMetaType<RangeRead>();
    m_thread = new QThread(this);
    m_thread->setObjectName(u"range reader"_s);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

RangeReader::~RangeReader()
{
    // Reads still queued are skipped; the connection closes in the thread that opened it.
    m_ticket = ~quint64(0);
    State *state = m_state.get();
    QMetaObject::invokeMethod(
        m_worker, [state] { state->db.reset(); }, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

quint64 RangeReader::read(const QList<QPair<QDateTime, QDateTime>> &spans, const ShiftFilter &filter)
{
    const quint64 ticket = ++m_ticket;
    ++m_queued;
    State *state = m_state.get();
    QMetaObject::invokeMethod(
        m_worker,
        [this, state, ticket, spans, filter] {
            if (ticket == m_ticket.load()) {
                RangeRead result;
                result.ticket = ticket;
                if (!state->db) {
                    auto opened = Database::open(state->path, state->clock);
                    if (opened) {
                        state->db = std::move(opened).value();
                    } else {
                        result.error = opened.errorMessage();
                    }
                }
                if (state->db) {
                    const RotationService rotations(*state->db);
                    QSet<ShiftId> seen;
                    for (const auto &[from, to] : spans) {
                        if (!(from < to)) {
                            continue;
                        }
                        auto found = rotations.matchingShifts(from, to, filter);
                        if (!found) {
                            result.error = found.errorMessage();
                            result.shifts.clear();
                            break;
                        }
                        for (Shift &s : found.value()) {
                            if (!seen.contains(s.id)) {
                                seen.insert(s.id);
                                result.shifts.append(std::move(s));
                            }
                        }
                    }
                }
                if (!result.error.isEmpty()) {
                    qCWarning(lcRangeReader) << "shifts:" << result.error;
                }
                if (ticket == m_ticket.load()) { // not superseded (or the reader going) meanwhile
                    Q_EMIT finished(result);
                }
            }
            --m_queued;
        },
        Qt::QueuedConnection);
    return ticket;
}

} // namespace Tandem
