#include "itemmodels/shiftcommands.h"
#include "shiftfixture.h"
#include "store/changelog.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;

class ShiftEditorTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    static Result<ShiftEdit> run(const QString &edit, ShiftEditor &editor, const Test::ShiftFixture &f)
    {
        const ShiftId a = f.shifts.at(0).id;
        const ShiftId b = f.shifts.at(2).id;
        if (edit == u"assign"_s) {
            return editor.assignSeat(a, Seat::Dev, f.devs.at(2).id, u"Dev 2"_s);
        }
        if (edit == u"clear"_s) {
            return editor.clearSeat(a, Seat::Ops);
        }
        if (edit == u"swapPairs"_s) {
            return editor.swapPairs(a, b);
        }
        if (edit == u"swapSeat"_s) {
            return editor.swapSeat(a, b, Seat::Ops);
        }
        if (edit == u"handoff"_s) {
            return editor.moveHandoff(a, f.shifts.at(0).end.addSecs(-5 * 3600));
        }
        if (edit == u"state"_s) {
            return editor.setState(a, ShiftState::Locked);
        }
        if (edit == u"note"_s) {
            return editor.setNote(a, u"Call Ops 0 before 10:00"_s);
        }
        return editor.setBridgeUrl(a, u"https://meet.example.com/payments"_s);
    }

private Q_SLOTS:
    void undoRedoRestoreExactly_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("changed");
        QTest::newRow("assign") << u"assign"_s << u"Assign Dev 2 to the developer seat"_s << 1;
        QTest::newRow("clear") << u"clear"_s << u"Clear the ops seat"_s << 1;
        QTest::newRow("swap pairs") << u"swapPairs"_s << u"Swap pairs"_s << 2;
        QTest::newRow("swap seat") << u"swapSeat"_s << u"Swap ops"_s << 2;
        QTest::newRow("move handoff") << u"handoff"_s << u"Move handoff"_s << 2;
        QTest::newRow("state") << u"state"_s << u"Lock shift"_s << 1;
        QTest::newRow("note") << u"note"_s << u"Edit handoff note"_s << 1;
        QTest::newRow("bridge") << u"bridge"_s << u"Edit bridge link"_s << 1;
    }

    void undoRedoRestoreExactly()
    {
        QFETCH(QString, edit);
        QFETCH(QString, text);
        QFETCH(int, changed);
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        QUndoStack stack;
        ShiftEditor editor(service, &stack);
        QSignalSpy failed(&editor, &ShiftEditor::failed);

        const QList<Shift> original = f.all();
        const auto result = run(edit, editor, f);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QCOMPARE(result->size(), changed);
        const QList<Shift> edited = f.all();
        QVERIFY(edited != original);
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stack.undoText(), text);

        stack.undo();
        QCOMPARE(f.all(), original);
        stack.redo();
        QCOMPARE(f.all(), edited);
        stack.undo();
        QCOMPARE(f.all(), original);
        QCOMPARE(failed.count(), 0);
        // Edit, undo, redo and undo again: each one logged.
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift)->size(), 4 * changed);
    }

    void refusedEditStaysOffTheStack()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        QUndoStack stack;
        ShiftEditor editor(service, &stack);
        QSignalSpy failed(&editor, &ShiftEditor::failed);
        const auto result = editor.assignSeat(f.shifts.at(0).id, Seat::Ops, f.devs.at(1).id, u"Dev 1"_s);
        QVERIFY(!result);
        QCOMPARE(stack.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), u"Dev 1 has no production access; the ops seat needs it."_s);
    }

    void undoAfterAnotherChangeIsRefused()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        QUndoStack stack;
        ShiftEditor editor(service, &stack);
        QSignalSpy failed(&editor, &ShiftEditor::failed);
        QVERIFY(editor.setNote(f.shifts.at(0).id, u"first"_s));
        // Someone else (a sync) changes the shift behind the stack's back.
        QVERIFY(service.setNote(f.shifts.at(0).id, u"second"_s));
        stack.undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"changed meanwhile"_s));
        QCOMPARE(f.current(0).note, u"second"_s);
    }
};

QTEST_GUILESS_MAIN(ShiftEditorTest)
#include "shifteditortest.moc"
