#include "shiftcommands.h"

#include "servicecommand.h"

using namespace Qt::StringLiterals;

namespace Tandem {

ShiftEditor::ShiftEditor(ShiftService &service, QUndoStack *stack, QObject *parent)
    : QObject(parent), m_service(service), m_stack(stack)
{}

Result<ShiftEdit> ShiftEditor::push(const QString &text, Result<ShiftEdit> edit)
{
    if (!edit) {
        Q_EMIT failed(edit.errorMessage());
        return edit;
    }
    if (edit->isEmpty() || !m_stack) {
        // Nothing written is nothing to undo.
        return edit;
    }
    const ShiftEdit written = edit.value();
    QPointer<ShiftEditor> self(this);
    m_stack->push(new ServiceCommand(
        text, [this, written] { return m_service.replay(written); },
        [this, written] { return m_service.replay(ShiftService::inverse(written)); },
        [self, text](const QString &message) {
            if (self) {
                Q_EMIT self->failed(tr("Cannot redo or undo “%1”: %2").arg(text, message));
            }
        }));
    return edit;
}

Result<ShiftEdit> ShiftEditor::assignSeat(ShiftId shift, Seat seat, PersonId person, const QString &personName)
{
    const QString text = seat == Seat::Dev ? tr("Assign %1 to the developer seat").arg(personName)
                                           : tr("Assign %1 to the ops seat").arg(personName);
    return push(text, m_service.assignSeat(shift, seat, person));
}

Result<ShiftEdit> ShiftEditor::clearSeat(ShiftId shift, Seat seat)
{
    return push(seat == Seat::Dev ? tr("Clear the developer seat") : tr("Clear the ops seat"),
                m_service.clearSeat(shift, seat));
}

Result<ShiftEdit> ShiftEditor::swapPairs(ShiftId a, ShiftId b)
{
    return push(tr("Swap pairs"), m_service.swapPairs(a, b));
}

Result<ShiftEdit> ShiftEditor::swapSeat(ShiftId a, ShiftId b, Seat seat)
{
    return push(seat == Seat::Dev ? tr("Swap developers") : tr("Swap ops"), m_service.swapSeat(a, b, seat));
}

Result<ShiftEdit> ShiftEditor::moveHandoff(ShiftId shift, const QDateTime &boundary)
{
    return push(tr("Move handoff"), m_service.moveHandoff(shift, boundary));
}

Result<ShiftEdit> ShiftEditor::setState(ShiftId shift, ShiftState state)
{
    QString text;
    switch (state) {
    case ShiftState::Planned:
        text = tr("Mark shift planned");
        break;
    case ShiftState::Published:
        text = tr("Publish shift");
        break;
    case ShiftState::Locked:
        text = tr("Lock shift");
        break;
    }
    return push(text, m_service.setState(shift, state));
}

Result<ShiftEdit> ShiftEditor::setNote(ShiftId shift, const QString &note)
{
    return push(tr("Edit handoff note"), m_service.setNote(shift, note));
}

Result<ShiftEdit> ShiftEditor::setBridgeUrl(ShiftId shift, const QString &url)
{
    return push(tr("Edit bridge link"), m_service.setBridgeUrl(shift, url));
}

Result<ShiftEdit> ShiftEditor::setShadow(ShiftId shift, PersonId person, const QString &personName)
{
    return push(person.isNull() ? tr("Clear shadow") : tr("Let %1 shadow the shift").arg(personName),
                m_service.setShadow(shift, person));
}

} // namespace Tandem
