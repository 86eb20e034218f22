/**
 * Personal accounts: registration with a phone number and an SMS code, password or code login, bearer sessions
 * and the profile.
 * <p>
 * Rules: phone numbers are stored in E.164 only; passwords with PBKDF2, session tokens and codes as SHA-256 hashes;
 * no answer tells whether a phone number is registered before its owner has proven it with a code.
 */
package org.oaplatform.accounts;
