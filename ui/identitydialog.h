#pragma once

#include "domain/person.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace Tandem {

/// "Who are you?": the user picks themselves from the roster (type to search by name or
/// e-mail). Tandem then shows their shifts, reminds them, and names them in the change log.
class IdentityDialog final : public QDialog
{
    Q_OBJECT

public:
    IdentityDialog(const QList<Person> &people, const QString &currentEmail, QWidget *parent = nullptr);

    /// The chosen person's e-mail; empty for "nobody" (forget the identity).
    QString email() const;
    QComboBox *combo() const { return m_combo; }

private:
    QComboBox *m_combo;
};

} // namespace Tandem
