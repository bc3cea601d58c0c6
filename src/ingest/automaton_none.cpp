// No tables compiled ahead: linked only into `apigap_keyword_compile`, which writes them (keyword_compile.cpp).
#include "automaton.hpp"

namespace apigap::ingest_detail {

const AutomatonTables* builtin_automaton_tables() {
    return nullptr;
}

}  // namespace apigap::ingest_detail
