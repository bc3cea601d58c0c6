// Shell completions for bash and zsh, generated from the CLI definition and the knowledge base's ids.
#include "completion.hpp"

#include <fmt/format.h>

namespace apigap::cli {

KbWords kb_words(const KnowledgeBase& kb) {
    KbWords words;
    for (const Level& level : kb.levels) {
        words.levels.push_back(level.id);
    }
    for (const Skill& skill : kb.skills) {
        words.skills.push_back(skill.id);
    }
    words.skill_groups = words.skills;
    for (const Group& group : kb.groups) {
        words.skill_groups.push_back(group.id);
    }
    // In the order `kb show` looks an id up.
    words.ids = words.skills;
    words.ids.insert(words.ids.end(), words.levels.begin(), words.levels.end());
    for (const Group& group : kb.groups) {
        words.ids.push_back(group.id);
    }
    for (const Tool& tool : kb.tools) {
        words.ids.push_back(tool.id);
    }
    return words;
}

std::string value_words(const OptionInfo& option, const KbWords& words) {
    switch (option.kind) {
    case ValueKind::none:
        return "";
    case ValueKind::choices:
        return space_separated(option.choices);
    case ValueKind::file:
        return "@file";
    case ValueKind::level:
        return space_separated(words.levels);
    case ValueKind::skill_rating: {
        std::vector<std::string> ids;
        for (const std::string& skill : words.skills) {
            ids.push_back(skill + "=");
        }
        return space_separated(ids);
    }
    case ValueKind::kb_id:
        return space_separated(words.ids);
    case ValueKind::skill_list:
        return "@list " + space_separated(words.skill_groups);
    }
    return "";
}

namespace {

std::vector<std::string> option_names(const CommandInfo& command) {
    std::vector<std::string> names;
    for (const OptionInfo& option : command.options) {
        names.insert(names.end(), option.names.begin(), option.names.end());
    }
    return names;
}

/// `text` inside single quotes for a POSIX shell.
std::string shell_quote(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

/// The shell functions bash and zsh share: what each command path offers.
std::string shared_functions(const CommandInfo& root, const KbWords& words) {
    std::string subs = "_apigap_subcommands() {\n  case \"$1\" in\n";
    std::string options = "_apigap_options() {\n  case \"$1\" in\n";
    std::string takes = "_apigap_takes_value() {\n  case \"$1|$2\" in\n";
    std::string values = "_apigap_values() {\n  case \"$1|$2\" in\n";
    std::string positionals = "_apigap_positional() {\n  case \"$1\" in\n";
    std::vector<std::string> takes_cases;
    for (const CommandPath& entry : command_paths(root)) {
        const std::string quoted = shell_quote(entry.path);
        if (!entry.command->subcommands.empty()) {
            subs += fmt::format("    {}) echo {} ;;\n", quoted,
                                shell_quote(space_separated(subcommand_names(*entry.command))));
        }
        options +=
            fmt::format("    {}) echo {} ;;\n", quoted, shell_quote(space_separated(option_names(*entry.command))));
        for (const OptionInfo& option : entry.command->options) {
            const std::string value = value_words(option, words);
            if (!option.positional.empty()) {
                if (!value.empty()) {
                    positionals += fmt::format("    {}) echo {} ;;\n", quoted, shell_quote(value));
                }
                continue;
            }
            for (const std::string& name : option.names) {
                if (option.takes_value) {
                    takes_cases.push_back(shell_quote(entry.path + "|" + name));
                }
                if (option.takes_value && !value.empty()) {
                    values +=
                        fmt::format("    {}) echo {} ;;\n", shell_quote(entry.path + "|" + name), shell_quote(value));
                }
            }
        }
    }
    if (!takes_cases.empty()) {
        std::string joined;
        for (const std::string& each : takes_cases) {
            joined += (joined.empty() ? "" : "|") + each;
        }
        takes += fmt::format("    {}) return 0 ;;\n", joined);
    }
    const std::string end = "  esac\n}\n";
    return subs + end + options + end + takes + "  esac\n  return 1\n}\n" + values + end + positionals + end +
           R"sh(# The command path of the words before the cursor: subcommands in order,
# options and their values skipped. Sets _apigap_path.
_apigap_walk() {
  local i=$1 last=$2 word
  _apigap_path=""
  while ((i < last)); do
    word=${_apigap_words[i]}
    if [[ $word == -* ]]; then
      if [[ $word != *=* ]] && { _apigap_takes_value "$_apigap_path" "$word" || _apigap_takes_value "" "$word"; }; then
        ((i++))
      fi
    elif [[ " $(_apigap_subcommands "$_apigap_path") " == *" $word "* ]]; then
      _apigap_path=${_apigap_path:+$_apigap_path }$word
    fi
    ((i++))
  done
}

# Whether the option $1 takes a value at the command path, or as a global option.
_apigap_option_value() {
  [[ $1 == -* ]] && { _apigap_takes_value "$_apigap_path" "$1" || _apigap_takes_value "" "$1"; }
}

# The values of the option $1 (see _apigap_values), at the command path or as a global option.
_apigap_option_values() {
  local values
  values=$(_apigap_values "$_apigap_path" "$1")
  [[ -z $values ]] && values=$(_apigap_values "" "$1")
  echo "$values"
}
)sh";
}

}  // namespace

std::string bash_completion(const CommandInfo& root, const KbWords& words) {
    return "# bash completion for apigap, generated by `apigap completion bash` from its\n"
           "# command-line definition and knowledge base. Install as\n"
           "# ~/.local/share/bash-completion/completions/apigap or source it from ~/.bashrc.\n\n" +
           shared_functions(root, words) + R"sh(
# Sets COMPREPLY to the words of $1 that complete $cur: `@file` offers file
# names, `@list WORD...` the WORDs after the last comma of a list; a word
# ending in `=` (ID=) takes no space after it.
_apigap_reply() {
  local prefix=""
  case $1 in
    @file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    @list\ *)
      [[ $cur == *,* ]] && prefix=${cur%,*},
      mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "${1#@list }" -- "${cur##*,}")
      ;;
    *)
      mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
      [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
      ;;
  esac
}

_apigap() {
  local cur=${COMP_WORDS[COMP_CWORD]} option=${COMP_WORDS[COMP_CWORD-1]} values
  local -a _apigap_words=("${COMP_WORDS[@]}")
  _apigap_walk 1 "$COMP_CWORD"
  # bash splits `--level=s` at the `=` into `--level`, `=`, `s`.
  if [[ $cur == = ]]; then
    cur=""
    _apigap_option_value "$option" || return
  elif [[ $option == = ]] && ((COMP_CWORD > 2)); then
    option=${COMP_WORDS[COMP_CWORD-2]}
    _apigap_option_value "$option" || return
  fi
  if ((COMP_CWORD > 1)) && _apigap_option_value "$option"; then
    _apigap_reply "$(_apigap_option_values "$option")"
    return
  fi
  if [[ $cur == -* ]]; then
    local options
    options="$(_apigap_options "$_apigap_path")"
    [[ -n $_apigap_path ]] && options+=" $(_apigap_options "")"
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  values=$(_apigap_subcommands "$_apigap_path")
  [[ -z $values ]] && values=$(_apigap_positional "$_apigap_path")
  _apigap_reply "$values"
}
complete -F _apigap apigap
)sh";
}

std::string zsh_completion(const CommandInfo& root, const KbWords& words) {
    std::string descriptions = "_apigap_describe() {\n  case \"$1\" in\n";
    for (const CommandPath& entry : command_paths(root)) {
        std::string lines;
        for (const CommandInfo& sub : entry.command->subcommands) {
            lines += fmt::format("{}:{}\n", sub.name, sub.description);
        }
        for (const OptionInfo& option : entry.command->options) {
            for (const std::string& name : option.names) {
                lines += fmt::format("{}:{}\n", name, option.description);
            }
        }
        descriptions += fmt::format("    {}) print -r -- {} ;;\n", shell_quote(entry.path), shell_quote(lines));
    }
    descriptions += "  esac\n}\n";
    return "#compdef apigap\n"
           "# zsh completion for apigap, generated by `apigap completion zsh` from its\n"
           "# command-line definition and knowledge base. Install as _apigap in a directory of $fpath.\n\n" +
           shared_functions(root, words) + descriptions + R"sh(
# The lines of _apigap_describe for the words in $1 (subcommands or options) as name:description.
_apigap_pick() {
  local line name
  local -a picked
  for line in ${(f)"$(_apigap_describe "$_apigap_path")"} ${(f)"$(_apigap_describe "")"}; do
    name=${line%%:*}
    [[ " $1 " == *" $name "* ]] && picked+=("${name//:/\\:}:${line#*:}")
  done
  print -rl -- ${(u)picked}
}

# Offers the words of $1: `@file` file names, `@list WORD...` the WORDs after
# the last comma of a list; words ending in `=` (ID=) take no space after them.
_apigap_offer() {
  case $1 in
    @file) _files ;;
    @list\ *) compset -P '*,'; compadd -- ${=${1#@list }} ;;
    *=) compadd -S '' -- ${=1} ;;
    ?*) compadd -- ${=1} ;;
  esac
}

_apigap() {
  local cur=${words[CURRENT]} prev=${words[CURRENT-1]} values
  local -a _apigap_words=("${(@)words}") candidates
  _apigap_walk 2 "$CURRENT"
  if [[ $cur == -*=* ]] && _apigap_option_value "${cur%%=*}"; then
    values=$(_apigap_option_values "${cur%%=*}")
    compset -P '*='
    _apigap_offer "$values"
    return
  fi
  if ((CURRENT > 2)) && _apigap_option_value "$prev"; then
    _apigap_offer "$(_apigap_option_values "$prev")"
    return
  fi
  if [[ $cur == -* ]]; then
    values="$(_apigap_options "$_apigap_path")"
    [[ -n $_apigap_path ]] && values+=" $(_apigap_options "")"
    candidates=(${(f)"$(_apigap_pick "$values")"})
    _describe -t options option candidates
    return
  fi
  values=$(_apigap_subcommands "$_apigap_path")
  if [[ -n $values ]]; then
    candidates=(${(f)"$(_apigap_pick "$values")"})
    _describe -t commands command candidates
    return
  fi
  _apigap_offer "$(_apigap_positional "$_apigap_path")"
}

_apigap "$@"
)sh";
}

}  // namespace apigap::cli
