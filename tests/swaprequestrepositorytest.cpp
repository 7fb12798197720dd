#include "store/swaprequestrepository.h"

#include "domain/serialize.h"
#include "store/database.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The store of swap and cover requests, and their JSON form (the sync payload).
class SwapRequestRepositoryTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    static SwapRequest cover()
    {
        SwapRequest r;
        r.id = SwapRequestId::create();
        r.kind = SwapKind::Cover;
        r.shiftId = ShiftId::create();
        r.seat = Seat::Ops;
        r.requester = PersonId::create();
        r.target = PersonId::create();
        r.partFrom = QDateTime(QDate(2026, 3, 20), QTime(18, 0), Qt::UTC);
        r.partTo = QDateTime(QDate(2026, 3, 21), QTime(9, 0), Qt::UTC);
        r.needsApproval = true;
        r.message = u"Dentist on Friday evening"_s;
        r.created = Test::fixedNow();
        r.updated = Test::fixedNow();
        return r;
    }

private Q_SLOTS:
    void insertFindUpdateRemove()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        SwapRequestRepository repository(*db);
        const SwapRequest original = cover();
        QVERIFY(repository.insert(original));

        auto found = repository.find(original.id);
        QVERIFY2(found, qPrintable(found.errorMessage()));
        QVERIFY(found.value().has_value());
        QCOMPARE(*found.value(), original);

        SwapRequest changed = original;
        changed.state = SwapState::Accepted;
        changed.updated = Test::fixedNow().addSecs(600);
        QVERIFY(repository.update(changed));
        QCOMPARE(*repository.find(original.id).value(), changed);
        QCOMPARE(repository.involving(original.target).value().size(), 1);
        QCOMPARE(repository.forShift(original.shiftId).value().size(), 1);
        QVERIFY(repository.involving(PersonId::create()).value().isEmpty());

        QVERIFY(repository.remove(original.id));
        QVERIFY(!repository.find(original.id).value().has_value());
        QVERIFY2(!repository.update(changed), "updating a request that is gone must fail");
    }

    void jsonRoundTrip()
    {
        SwapRequest swap = cover();
        swap.kind = SwapKind::Swap;
        swap.partFrom = {};
        swap.partTo = {};
        swap.otherShiftId = ShiftId::create();
        swap.decidedBy = PersonId::create();
        for (const SwapRequest &r : {cover(), swap}) {
            const auto back = swapRequestFromJson(toJson(r));
            QVERIFY(back.has_value());
            QCOMPARE(*back, r);
        }
        QJsonObject broken = toJson(swap);
        broken.insert(u"state"_s, u"maybe"_s);
        QVERIFY(!swapRequestFromJson(broken).has_value());
    }

    void rulesKeepTheApprovalFlag()
    {
        RotationRules rules;
        QVERIFY(!rules.swapsNeedApproval);
        rules.swapsNeedApproval = true;
        QCOMPARE(rulesFromJson(toJson(rules)), rules);
        QVERIFY(!rulesFromJson(QJsonObject()).swapsNeedApproval);
    }
};

QTEST_GUILESS_MAIN(SwapRequestRepositoryTest)
#include "swaprequestrepositorytest.moc"
