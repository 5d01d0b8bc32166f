#pragma once

namespace seiche::ui {
// Registers the themes, keymaps and demo compiled into seiche_ui (idempotent).
void ensureResources();
}
