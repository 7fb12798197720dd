#pragma once

#include "domain/shift.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Tandem {

class Database;

/// What one RangeReader::read() found.
struct RangeRead
{
    quint64 ticket = 0;  ///< the read() this answers
    QList<Shift> shifts; ///< the shifts overlapping any of the spans, each once, in no set order
    QString error;       ///< why nothing could be read (then `shifts` is empty)
};

/// Reads the shifts of spans of time in a thread of its own, on its own connection to the
/// database file, so that a scrolling view does not wait for the query and the decoding of the
/// days that come into view. A newer read() makes older ones moot: they are skipped, or what
/// they found is not announced. What the reader sees is what the file holds when the read runs:
/// the caller decides whether that still fits with what it read before (Database::dataVersion()).
class RangeReader final : public QObject
{
    Q_OBJECT

public:
    /// `db` gives the file and the clock; it must outlive the reader.
    explicit RangeReader(Database &db, QObject *parent = nullptr);
    ~RangeReader() override;

    /// Reads the shifts that overlap any of `spans` (each [from, to)) and match `filter`.
    /// Returns the ticket `finished` will carry.
    quint64 read(const QList<QPair<QDateTime, QDateTime>> &spans, const ShiftFilter &filter);
    /// A read is queued or running.
    bool isBusy() const { return m_queued.load() > 0; }

Q_SIGNALS:
    /// In the thread of the reader's owner, once per read() that no newer one superseded.
    void finished(const Tandem::RangeRead &result);

private:
    struct State;

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;    ///< lives in m_thread; reads run in its context
    std::unique_ptr<State> m_state; ///< touched only by reads, in m_thread
    std::atomic<quint64> m_ticket{0};
    std::atomic<int> m_queued{0};
};

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::RangeRead)
