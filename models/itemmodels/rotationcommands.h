#pragma once

#include "domain/result.h"
#include "domain/rotation.h"
#include "services/rotationservice.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

namespace Tandem {

/// The undoable rotation and ops-pool edits, in the RosterEditor style: each call runs the
/// service first, so a refusal (with the field at fault) is heard at once; only an edit that
/// succeeded goes on the undo stack. A refused undo or redo is reported through failed().
class RotationEditor final : public QObject
{
    Q_OBJECT

public:
    RotationEditor(RotationService &service, QUndoStack *stack, QObject *parent = nullptr);

    RotationService &service() { return m_service; }
    QUndoStack *undoStack() const { return m_stack; }

    /// Undo takes the rotation out of use. The service keeps a removed rotation's row (its past
    /// shifts name it), so a redo adds the same settings under a new id.
    Result<Rotation> addRotation(const Rotation &rotation);
    Status updateRotation(const Rotation &rotation);
    Result<OpsPool> addPool(const OpsPool &pool);

Q_SIGNALS:
    void failed(const QString &message);

private:
    void push(const QString &text, std::function<Status()> redoFn, std::function<Status()> undoFn);

    RotationService &m_service;
    QPointer<QUndoStack> m_stack;
};

} // namespace Tandem
