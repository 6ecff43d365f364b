#ifndef ZITDAG_CLIBCRYPTO_SHIM_H
#define ZITDAG_CLIBCRYPTO_SHIM_H

// OpenSSL's libcrypto (Debian's libssl-dev), for SHA-256 only.
#include <openssl/evp.h>

#endif
