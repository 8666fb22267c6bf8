package plugins

import (
	"context"
	"sync"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/sdk"
)

// RecipeSource is implemented by the Platform the Manager hands out: the
// ingress asks it for the plugin's VerifyRecipe and checks deliveries in
// process when there is one.
type RecipeSource interface {
	VerifyRecipe(ctx context.Context) (*sdk.VerifyRecipe, error)
}

var _ RecipeSource = (*proxy)(nil)

// recipeCache holds the VerifyRecipe of one plugin process: a restarted
// (perhaps upgraded) plugin is asked again.
type recipeCache struct {
	mu     sync.Mutex
	of     process
	recipe *sdk.VerifyRecipe
}

// get is on every delivery's path: log is the manager's logger as is, the
// platform going into the rare warning, so a hit allocates nothing.
func (c *recipeCache) get(ctx context.Context, proc process, log hclog.Logger, platform string) (*sdk.VerifyRecipe, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.of == proc {
		return c.recipe, nil
	}
	d, err := proc.Platform().Describe(ctx, nil)
	if err != nil {
		return nil, err
	}
	c.of, c.recipe = proc, nil
	if d != nil && d.VerifyRecipe != nil {
		if err := d.VerifyRecipe.Validate(); err != nil {
			log.Warn("the plugin's verify recipe cannot be executed; every delivery goes to its Verify", "platform", platform, "error", err)
		} else {
			c.recipe = d.VerifyRecipe
		}
	}
	return c.recipe, nil
}
