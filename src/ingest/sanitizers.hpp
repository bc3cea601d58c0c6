// Whether this translation unit is built with a sanitizer that reserves
// address space up front (ASan, TSan, MSan): GCC says so with
// `__SANITIZE_ADDRESS__`, clang only through `__has_feature`.
#pragma once

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define APIGAP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define APIGAP_SANITIZED 1
#endif
#endif

#ifndef APIGAP_SANITIZED
#define APIGAP_SANITIZED 0
#endif
