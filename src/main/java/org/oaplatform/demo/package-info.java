/**
 * Demo data for dev mode only: a platform admin, a verified service account with its operator, an unverified
 * subscription account and a few people, all with fixed credentials listed in README.md. Created through the
 * components' boundaries, like any other data.
 */
package org.oaplatform.demo;
