#pragma once

#include "domain/result.h"
#include "services/shiftservice.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

namespace Tandem {

/// The undoable shift edits of the calendar. Each call runs ShiftService first, so a drop that
/// breaks a rule is refused at once with the rule's text; only an edit that was written goes on
/// the undo stack, as one step. Undo writes the shifts back exactly as they were (through
/// ShiftService::replay), redo writes the edit again; either is refused, and leaves the stack,
/// when the shifts changed meanwhile.
class ShiftEditor final : public QObject
{
    Q_OBJECT

public:
    ShiftEditor(ShiftService &service, QUndoStack *stack, QObject *parent = nullptr);

    ShiftService &service() { return m_service; }
    QUndoStack *undoStack() const { return m_stack; }

    /// "Assign Alice Example to the ops seat"; `personName` names them in the undo text.
    Result<ShiftEdit> assignSeat(ShiftId shift, Seat seat, PersonId person, const QString &personName);
    Result<ShiftEdit> clearSeat(ShiftId shift, Seat seat);
    Result<ShiftEdit> swapPairs(ShiftId a, ShiftId b);
    Result<ShiftEdit> swapSeat(ShiftId a, ShiftId b, Seat seat);
    Result<ShiftEdit> moveHandoff(ShiftId shift, const QDateTime &boundary);
    Result<ShiftEdit> setState(ShiftId shift, ShiftState state);
    Result<ShiftEdit> setNote(ShiftId shift, const QString &note);
    Result<ShiftEdit> setBridgeUrl(ShiftId shift, const QString &url);
    /// "Let Tina Example shadow the shift"; a null `person` empties the shadow seat.
    Result<ShiftEdit> setShadow(ShiftId shift, PersonId person, const QString &personName);

Q_SIGNALS:
    /// An edit, undo or redo was refused; the message says why.
    void failed(const QString &message);

private:
    Result<ShiftEdit> push(const QString &text, Result<ShiftEdit> edit);

    ShiftService &m_service;
    QPointer<QUndoStack> m_stack;
};

} // namespace Tandem
