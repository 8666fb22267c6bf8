# deskgate — see README.md.
GO        ?= go
BIN       := $(CURDIR)/bin
BINARIES  := deskgate deskgate-plugin-zendesk zendesk-sandbox deskgate-plugin-jsm jsm-sandbox
CONFIG    ?= configs/deskgate.hcl

.PHONY: all build run test test-short bench proto lint fmt clean

all: build

build:
	@mkdir -p $(BIN)
	$(GO) build -o $(BIN)/deskgate ./gateway/cmd/deskgate
	$(GO) build -o $(BIN)/deskgate-plugin-zendesk ./plugins/zendesk/cmd/deskgate-plugin-zendesk
	$(GO) build -o $(BIN)/zendesk-sandbox ./plugins/zendesk/sandbox/cmd/zendesk-sandbox
	$(GO) build -o $(BIN)/deskgate-plugin-jsm ./plugins/jsm/cmd/deskgate-plugin-jsm
	$(GO) build -o $(BIN)/jsm-sandbox ./plugins/jsm/sandbox/cmd/jsm-sandbox

# Starts the sandbox Zendesk and the gateway with the demo config.
run: build
	./examples/run-demo.sh

# The whole suite, race detector on. Integration tests use the binaries built
# here (DESKGATE_TEST_BIN_DIR) and a Redis on 127.0.0.1:6379.
test: build
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go') | grep -v '\.pb\.go$$')" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	DESKGATE_TEST_BIN_DIR=$(BIN) $(GO) test -race -count=1 -timeout 20m ./...

test-short: build
	DESKGATE_TEST_BIN_DIR=$(BIN) $(GO) test -short ./...

# Prints figures, asserts nothing: ingress rate against a bare HMAC handler
# (SQLite and, when one answers on 127.0.0.1:6379, Redis), then analysis
# throughput.
bench: build
	DESKGATE_TEST_BIN_DIR=$(BIN) $(GO) run ./internal/bench/ingress
	$(GO) run ./internal/bench/analysis

# Regenerates sdk/proto from its .proto file. Needs protoc (Debian:
# protobuf-compiler); the Go plugins are installed at pinned versions.
proto:
	$(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
	$(GO) install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.5.1
	cd sdk/proto && PATH="$$($(GO) env GOPATH)/bin:$$PATH" protoc --go_out=. --go_opt=paths=source_relative \
		--go-grpc_out=. --go-grpc_opt=paths=source_relative platform/v1/platform.proto

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go') | grep -v '\.pb\.go$$'); test -z "$$out" || { echo "$$out"; exit 1; }

fmt:
	gofmt -w $$(git ls-files '*.go' | grep -v '\.pb\.go$$')

clean:
	rm -rf $(BIN)
