// The subcommands: each file declares its options, how to set them up on a
// `CLI::App`, and how to run. `app.cpp` lists them in one table.
#pragma once

namespace CLI {
class App;
}

namespace apigap::cli {

struct Context;

/// Adds `apigap assess` to `app`; choosing it sets `context.action`.
void setup_assess(CLI::App& app, Context& context);
/// Adds `apigap scan` to `app`.
void setup_scan(CLI::App& app, Context& context);
/// Adds `apigap batch` to `app`.
void setup_batch(CLI::App& app, Context& context);
/// Adds `apigap check` to `app`.
void setup_check(CLI::App& app, Context& context);
/// Adds `apigap match` to `app`.
void setup_match(CLI::App& app, Context& context);
/// Adds `apigap plan` to `app`.
void setup_plan(CLI::App& app, Context& context);
/// Adds `apigap salary` to `app`.
void setup_salary(CLI::App& app, Context& context);
/// Adds `apigap completion` (and the hidden `apigap man`) to `app`; they describe `app` when they run.
void setup_completion(CLI::App& app, Context& context);
/// Adds `apigap kb` and its subcommands to `app`.
void setup_kb(CLI::App& app, Context& context);
/// Adds `apigap history` to `app`.
void setup_history(CLI::App& app, Context& context);
/// Adds `apigap progress` to `app`.
void setup_progress(CLI::App& app, Context& context);

}  // namespace apigap::cli
