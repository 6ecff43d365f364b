#ifndef ZITDAG_CLIBICAL_SHIM_H
#define ZITDAG_CLIBICAL_SHIM_H

#include <libical/ical.h>

/// `icalerrno` is a macro Swift cannot import.
static inline icalerrorenum zitdag_icalerrno(void) { return *icalerrno_return(); }
static inline void zitdag_clear_icalerrno(void) { *icalerrno_return() = ICAL_NO_ERROR; }

#endif
