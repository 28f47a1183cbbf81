"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, ROLES } from "@/lib/core/roles";
import type { Role } from "@/lib/core/roles";
import { endSessionsAction, resetPasswordAction, updateUserAction } from "@/lib/server/admin/user-actions";
import type { UserRow } from "@/lib/views/admin";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Timestamp } from "@/components/leads/timestamp";
import { TemporaryPassword } from "./temporary-password";

type Props = { users: UserRow[]; currentUserId: string; now: string };

export function UsersTable({ users, currentUserId, now }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<UserRow | null>(null);
  const [ending, setEnding] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function update(userId: string, change: { role?: Role; active?: boolean }) {
    setPendingId(userId);
    setError(null);
    setNotice(null);
    const result = await updateUserAction({ userId, ...change });
    setPendingId(null);
    if (!result.ok) setError(result.error.message);
    router.refresh();
  }

  async function endSessions(user: UserRow) {
    setPendingId(user.id);
    setError(null);
    setNotice(null);
    const result = await endSessionsAction({ userId: user.id });
    setPendingId(null);
    if (result.ok) setNotice(`${user.name} is signed out everywhere.`);
    else setError(result.error.message);
  }

  async function resetPassword(user: UserRow) {
    setPendingId(user.id);
    setError(null);
    setNotice(null);
    setIssued(null);
    const result = await resetPasswordAction({ userId: user.id });
    setPendingId(null);
    if (result.ok) setIssued({ name: user.name, password: result.data.temporaryPassword });
    else setError(result.error.message);
    router.refresh();
  }

  return (
    <section aria-labelledby="users-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id="users-heading" className="px-6 pt-5 text-base font-semibold">
        Team ({users.length})
      </h2>
      {error && (
        <p role="alert" className="mx-6 mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="mx-6 mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      )}
      {issued && <TemporaryPassword name={issued.name} password={issued.password} onDone={() => setIssued(null)} />}
      {/* Relative, so the sr-only "Actions" (absolutely positioned) scrolls with the table instead of widening the page. */}
      <div className="relative overflow-x-auto">
        <table className="mt-3 w-full text-left text-sm">
          <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-6 py-2 font-medium">Name</th>
              <th scope="col" className="px-3 py-2 font-medium">E-mail</th>
              <th scope="col" className="px-3 py-2 font-medium">Role</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Last sign-in</th>
              <th scope="col" className="px-6 py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => {
              const self = user.id === currentUserId;
              return (
                <tr key={user.id} className={user.active ? "" : "text-slate-500"} data-testid="user-row">
                  <th scope="row" className="px-6 py-3 font-medium">
                    {user.name} {self && <span className="text-xs font-normal text-slate-500">(you)</span>}
                  </th>
                  <td className="px-3 py-3">{user.email}</td>
                  <td className="px-3 py-3">
                    <label className="sr-only" htmlFor={`role-${user.id}`}>
                      Role of {user.name}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      value={user.role}
                      disabled={self || pendingId === user.id}
                      onChange={(event) => void update(user.id, { role: event.target.value as Role })}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-50"
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-3 py-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${user.active ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}>
                      {user.active ? "Active" : "Deactivated"}
                    </span>
                    {user.mustChangePassword && <span className="mt-1 block text-xs text-amber-800">Password reset: must choose a new one</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">{user.lastSignInAt ? <Timestamp iso={user.lastSignInAt} now={now} /> : "Never"}</td>
                  <td className="px-6 py-3 text-right">
                    {!self && user.active && (
                      <Button variant="ghost" disabled={pendingId === user.id} onClick={() => setResetting(user)}>
                        Reset password
                      </Button>
                    )}
                    {!self && user.active && (
                      <Button variant="ghost" disabled={pendingId === user.id} onClick={() => setEnding(user)}>
                        End sessions
                      </Button>
                    )}
                    {!self &&
                      (user.active ? (
                        <Button variant="ghost" disabled={pendingId === user.id} onClick={() => setConfirming(user)}>
                          Deactivate
                        </Button>
                      ) : (
                        <Button variant="ghost" disabled={pendingId === user.id} onClick={() => void update(user.id, { active: true })}>
                          Reactivate
                        </Button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Deactivate ${confirming.name}?`}
          confirmLabel="Deactivate"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const user = confirming;
            setConfirming(null);
            void update(user.id, { active: false });
          }}
        >
          {confirming.name} will be signed out and can&apos;t sign in until reactivated. Their leads and history stay as they are.
        </ConfirmDialog>
      )}
      {ending && (
        <ConfirmDialog
          title={`End ${ending.name}'s sessions?`}
          confirmLabel="End sessions"
          onCancel={() => setEnding(null)}
          onConfirm={() => {
            const user = ending;
            setEnding(null);
            void endSessions(user);
          }}
        >
          {ending.name} will be signed out on every device and has to sign in again. Nothing else changes.
        </ConfirmDialog>
      )}
      {resetting && (
        <ConfirmDialog
          title={`Reset ${resetting.name}'s password?`}
          confirmLabel="Reset password"
          onCancel={() => setResetting(null)}
          onConfirm={() => {
            const user = resetting;
            setResetting(null);
            void resetPassword(user);
          }}
        >
          Their current password stops working and they are signed out everywhere. You&apos;ll see a temporary password once, to hand
          to {resetting.name}; at their next sign-in they must choose a new one.
        </ConfirmDialog>
      )}
    </section>
  );
}
