package io.tenantconfig.application.service;

/**
 * Which optional onboarding steps run: subscribing the app to the WABA's webhooks and registering
 * the phone number (both on by default), and whether the signup's redirect URI is sent to Meta
 * with the code (off by default, as Meta's Embedded Signup documentation exchanges it without).
 */
public record OnboardingPolicy(boolean subscribeWaba, boolean registerPhone, boolean forwardRedirectUri) {

    public static final OnboardingPolicy DEFAULT = new OnboardingPolicy(true, true, false);
}
