// The apigap executable: all behaviour lives in the libraries.
#include "apigap/cli.hpp"

int main(int argc, char** argv) {
    return apigap::cli::run(argc, argv);
}
