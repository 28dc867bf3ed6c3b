package org.regard.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The service tiers a customer or organization can have ({@code regard.tiers}); the first is the default.
 */
@ConfigurationProperties("regard")
public record TierSettings(@DefaultValue({"standard", "priority", "key-account"}) List<String> tiers) {

    public String defaultTier() {
        return tiers.getFirst();
    }

    public boolean isKnown(String tier) {
        return tier != null && tiers.contains(tier);
    }
}
